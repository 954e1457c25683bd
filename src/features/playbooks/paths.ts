/** In-app links of the playbook pages. */
export const playbookPath = (id: string) => `/playbooks/${encodeURIComponent(id)}`;

/** The board filtered to a playbook's tasks (the board reads `playbook=`). */
export const boardPath = (playbookId: string) => `/board?playbook=${encodeURIComponent(playbookId)}`;
