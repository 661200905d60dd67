/**
 * Rekvisitioner: the inbox at `#/rekvisitioner`, one requisition at `#/rekvisitioner/:periodKey`
 * (e.g. NOVA-2027-Q1). Each requisition gets its own component instance (key).
 */
import { RequisitionDetail } from './requisition-detail.tsx';
import { RequisitionInbox } from './requisition-inbox.tsx';

export const RequisitionsView = ({ periodKey }: { readonly periodKey: string | null }) =>
  periodKey === null ? <RequisitionInbox /> : <RequisitionDetail key={periodKey} periodKey={periodKey} />;
