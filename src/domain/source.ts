/** Where a value or a sentence was found. */
export interface SourceRef {
  page: number;
  line: number;
  /** The text of that line (or sentence), for evidence. */
  text: string;
}
