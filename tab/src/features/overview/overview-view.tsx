// TODO(issue 7): placeholder until the view lands
export const OverviewView = () => <p>OverviewView</p>;
