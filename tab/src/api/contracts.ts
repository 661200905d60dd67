/**
 * The API's answers as the tab parses them: the same pure zod schemas the server parses its
 * answers with (src/contracts), so the two cannot drift apart.
 */
export { approvalListSchema, approvalViewSchema, voteResultSchema } from '../../../src/contracts/approval-view.ts';
export {
  budgetPositionSchema,
  requisitionInboxSchema,
  requisitionViewSchema,
} from '../../../src/contracts/requisition-view.ts';
// TODO(issue 7): these move to src/contracts once the register API's additions land; until then
// the tab reads them where the server keeps them (pure zod + src/domain, no server code).
export {
  anomaliesResponseSchema,
  interventionDetailResponseSchema,
  interventionListResponseSchema,
  interventionResponseSchema,
  membersResponseSchema,
  overviewResponseSchema,
  registerResponseSchema,
  settingsResponseSchema,
  settingsUpdateResponseSchema,
} from '../../../src/server/api/response-schemas.ts';
