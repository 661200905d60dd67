// TODO(issue 7): placeholder until the view lands
export const InterventionListView = () => <p>InterventionListView</p>;
