/**
 * The API's answers as the tab parses them: the same pure zod schemas the server parses its
 * answers with (src/contracts), so the two cannot drift apart.
 */
export {
  agreementFileViewSchema,
  agreementVerificationSchema,
  signedAgreementFiledSchema,
  signingStartedSchema,
} from '../../../src/contracts/agreement-responses.ts';
export { approvalListSchema, approvalViewSchema, voteResultSchema } from '../../../src/contracts/approval-view.ts';
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
} from '../../../src/contracts/register-responses.ts';
export {
  budgetPositionSchema,
  requisitionInboxSchema,
  requisitionViewSchema,
} from '../../../src/contracts/requisition-view.ts';
