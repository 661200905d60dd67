/**
 * The bot's implementation of the invoicing services' InvoicingMessages port: the requisition card
 * for the recipient, the preview line Teams shows in its notification feed, and a one-line text
 * for clients that cannot render the card.
 */
import type { InvoicingMessages } from '../../src/services/invoicing/invoicing-deps.ts';
import { renderRequisitionCard, requisitionHeadline } from './requisition-card.ts';

export function createInvoicingMessages(): InvoicingMessages {
  return {
    requisitionMessage: ({ kind, view, workingDaysLeft }) => {
      const headline = requisitionHeadline(view, kind, workingDaysLeft);
      const card = renderRequisitionCard(view, {
        kind,
        ...(workingDaysLeft === undefined ? {} : { workingDaysLeft }),
      });
      // the heading names the period but not always the insats; the preview must name both
      const summary = headline.title.includes(view.code) ? headline.title : `${view.code}: ${headline.title}`;
      // no text beside the card: Teams would show the headline twice; the card has its fallbackText
      return { card, summary };
    },
  };
}
