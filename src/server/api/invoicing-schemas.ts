export {
  budgetPositionSchema,
  requisitionInboxSchema,
  requisitionViewSchema,
} from '../../contracts/requisition-view.ts';
export {
  requisitionAdvanceSchema as advanceBodySchema,
  requisitionRegistrationSchema as registrationBodySchema,
} from '../../services/invoicing/registration-input.ts';
