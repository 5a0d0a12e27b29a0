/** The desk's one word counter lives in the contract, so the editor counts as ingest does. */
export { countWords } from "../../contract/word-count";
