/** One message of a room's history, as Ethora sends it (the shape is not documented; every field is kept). */
export interface EthoraMessage {
  text?: string;
  from?: string;
  [field: string]: unknown;
}
