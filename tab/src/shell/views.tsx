/**
 * The views, each in its own chunk: the first load carries the shell only, and a view's code
 * (charts, forms) arrives when it is opened.
 */
import { lazy } from 'react';

export const OverviewView = lazy(() =>
  import('../features/overview/overview-view.tsx').then((module) => ({ default: module.OverviewView })),
);
export const InterventionListView = lazy(() =>
  import('../features/interventions/intervention-list-view.tsx').then((module) => ({
    default: module.InterventionListView,
  })),
);
export const InterventionPageView = lazy(() =>
  import('../features/intervention-page/intervention-page-view.tsx').then((module) => ({
    default: module.InterventionPageView,
  })),
);
export const ApplicationView = lazy(() =>
  import('../features/application/application-view.tsx').then((module) => ({ default: module.ApplicationView })),
);
export const ApprovalsView = lazy(() =>
  import('../features/approvals/approvals-view.tsx').then((module) => ({ default: module.ApprovalsView })),
);
export const RequisitionsView = lazy(() =>
  import('../features/requisitions/requisitions-view.tsx').then((module) => ({ default: module.RequisitionsView })),
);
export const SettingsView = lazy(() =>
  import('../features/settings/settings-view.tsx').then((module) => ({ default: module.SettingsView })),
);
export const VerifyAgreementView = lazy(() =>
  import('../features/agreements/verify-view.tsx').then((module) => ({ default: module.VerifyView })),
);
