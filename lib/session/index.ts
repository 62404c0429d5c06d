// Public API of lib/session: what app/ and components/ use (ARCHITECTURE.md).
export { answerForRef } from "./ref-route";
export { noWriter, requestSession, requestWriter } from "./request-session";
