/**
 * Word lists for the sandbox seed (`seed.ts`). Plain data only: every choice among these lists
 * is made by the seeded generator in `seed.ts`, so the same seed always picks the same entries.
 */

/** CSMs and admins. The first entries are used as-is; more users are made from the name parts. */
export const USER_NAMES: readonly string[] = [
  'Priya Raman',
  'Zoë Müller',
  'José Álvarez',
  'Marcus Chen',
  "Siobhán O'Connor",
  'Daniel Okafor',
  'Emily Johansson',
  'Łukasz Wiśniewski',
  'Aiko Tanaka',
  'Rahul Mehta',
  'Sarah Goldberg',
  'François Dubois',
  'Olivia Bennett',
  'Mateo Rossi',
  'Hannah Schmidt',
  'Noah Williams',
  'Ingrid Halvorsen',
  'Kwame Mensah',
  'Lucía Fernández',
  'Tom Becker',
  'Chloé Martin',
  'Björn Lindqvist',
  'Grace Kim',
  'Ahmed Hassan',
  'Nora Jensen',
];

export const USER_FIRST_NAMES: readonly string[] = [
  'Alex',
  'Amira',
  'Ben',
  'Carla',
  'Dev',
  'Elena',
  'Finn',
  'Gabriela',
  'Hugo',
  'Isla',
  'Jonas',
  'Keiko',
  'Liam',
  'Maya',
  'Nikhil',
  'Oskar',
  'Paula',
  'Ravi',
  'Sofía',
  'Theo',
  'Uma',
  'Víctor',
  'Wen',
  'Yara',
  'Zainab',
];

export const USER_LAST_NAMES: readonly string[] = [
  'Anderson',
  'Brennan',
  'Castillo',
  'Dąbrowski',
  'Eriksen',
  'Fischer',
  'García',
  'Hughes',
  'Ivanova',
  'Jäger',
  'Kowalski',
  'Lambert',
  'Moreau',
  'Nakamura',
  'Owusu',
  'Patel',
  'Quinn',
  'Rahman',
  'Støre',
  'Thompson',
  'Usman',
  'Vargas',
  'Walsh',
  'Yilmaz',
  'Zhang',
];

export const EMAIL_DOMAIN = 'cs-team.example.com';

/**
 * Customer companies. The awkward names (quotes, apostrophes, ampersands, non-Latin scripts)
 * come early so they are present even with a small company count.
 */
export const COMPANY_NAMES: readonly string[] = [
  'Acme Corp',
  `O'Brien & Sons "Logistics"`,
  'Brightline Analytics',
  'Café Nørrebro ApS',
  'Cobalt Freight Systems',
  'Müller & Söhne Maschinenbau GmbH',
  'Meridian Health Partners',
  '株式会社さくら物流',
  'Summit Ridge Insurance',
  'Bluefin Robotics',
  'Lakeshore Credit Union',
  'Pinewood Software',
  'Vantage Retail Group',
  'Harborview Hospitality',
  'Atlas Manufacturing GmbH',
  'Keystone Legal LLP',
  'Nimbus Cloud Services',
  'Redwood Biotech',
  'Silverline Telecom',
  'Orchard Education Trust',
  'Tidewater Energy',
  'Copperleaf Media',
  'Granite Peak Construction',
  'Evergreen Property Management',
  'Polaris Data Labs',
  'Sable Security',
  'Crescent Foods',
  'Ironbridge Capital',
  'Juniper Travel',
  'Kestrel Aerospace',
  'Lumen Dental Group',
  'Mosaic Marketing',
  'Fjordline Seafood AS',
  'Oakmont Pharmacy',
  'Prairie Wind Farms',
  'Riverbend Logistics',
  'Quarry & Co.',
  'Helio Pay',
  'Starling Hotels (EMEA)',
  'Tessera Insurance Brokers',
  'Umbra Games',
  'Westbrook University',
  'Xenon Diagnostics',
  'Yellowstone Outfitters',
  'Zenith Payroll',
];

/** Name parts for companies beyond the list above. */
export const COMPANY_PREFIXES: readonly string[] = [
  'Apex',
  'Birch',
  'Cedar',
  'Delta',
  'Ember',
  'Falcon',
  'Glacier',
  'Horizon',
  'Indigo',
  'Jade',
  'Kite',
  'Lighthouse',
  'Maple',
  'Northstar',
  'Onyx',
  'Pioneer',
  'Quantum',
  'Ridgeway',
  'Solace',
  'Trident',
];
export const COMPANY_SUFFIXES: readonly string[] = [
  'Systems',
  'Partners',
  'Logistics',
  'Labs',
  'Health',
  'Analytics',
  'Holdings',
  'Software',
  'Retail',
  'Energy',
  'Bank',
  'Studios',
];

export const CTA_TYPES = ['Risk', 'Renewal', 'Onboarding', 'Expansion', 'Lifecycle'] as const;
export type CtaTypeName = (typeof CTA_TYPES)[number];

export const RISK_REASONS: readonly string[] = [
  'Low usage',
  'Champion left',
  'Support escalation',
  'Budget cuts',
  'NPS detractor',
  'Payment overdue',
];
export const EXPANSION_REASONS: readonly string[] = [
  'Additional seats',
  'Analytics add-on',
  'New business unit',
  'Premium support upgrade',
];
export const LIFECYCLE_CTAS: readonly string[] = ['QBR', 'Health check', 'Executive sponsor review'];

interface TemplateData {
  name: string;
  /** null: the admin left the description empty. */
  description: string | null;
  daysFromCreation: number;
}

export interface PlaybookData {
  name: string;
  description: string | null;
  ctaType: CtaTypeName;
  active: boolean;
  /** In playbook order; `seed.ts` assigns the `ord` values and the storage order. */
  templates: readonly TemplateData[];
}

export const PLAYBOOKS: readonly PlaybookData[] = [
  {
    name: 'Enterprise Onboarding',
    description: 'Guided onboarding for enterprise customers, from kickoff to the 90-day success review.',
    ctaType: 'Onboarding',
    active: true,
    templates: [
      {
        name: 'Kickoff call',
        description: 'Introduce the onboarding team, confirm goals, timeline and success criteria.',
        daysFromCreation: 0,
      },
      {
        name: 'Technical setup',
        description: 'Provision the tenant, configure environments and share API credentials.',
        daysFromCreation: 7,
      },
      {
        name: 'SSO and user provisioning',
        description: 'Configure SAML SSO and SCIM provisioning with the customer IT team.',
        daysFromCreation: 14,
      },
      { name: 'Admin training', description: 'Two-hour session for customer admins: roles, permissions, reports.', daysFromCreation: 21 },
      { name: 'Integration testing', description: 'Verify CRM and data warehouse integrations end to end.', daysFromCreation: 28 },
      { name: 'Data migration sign-off', description: 'Customer confirms historical data was imported correctly.', daysFromCreation: 35 },
      { name: 'End-user training', description: 'Train end users; record the session for later hires.', daysFromCreation: 45 },
      { name: 'Go-live review', description: null, daysFromCreation: 60 },
      {
        name: '90-day success review',
        description: 'Review adoption against the success criteria agreed at kickoff.',
        daysFromCreation: 90,
      },
    ],
  },
  {
    name: 'SMB Digital Onboarding',
    description: 'Light-touch onboarding for small accounts, mostly automated emails and one call.',
    ctaType: 'Onboarding',
    active: true,
    templates: [
      { name: 'Send welcome email', description: 'Send the welcome email with links to the getting-started guide.', daysFromCreation: 0 },
      { name: 'Kickoff call', description: '30-minute call to confirm use case and admin contact.', daysFromCreation: 2 },
      {
        name: 'Admin training',
        description: 'Point the admin at the self-paced academy course and offer office hours.',
        daysFromCreation: 10,
      },
      { name: 'First value check-in', description: 'Check the customer reached first value (first report shared).', daysFromCreation: 30 },
    ],
  },
  {
    name: 'Renewal - 120 Days Out',
    description: 'Standard renewal motion starting 120 days before the contract end date.',
    ctaType: 'Renewal',
    active: true,
    templates: [
      {
        name: 'Review account health and usage',
        description: 'Check health score, license utilisation and open escalations.',
        daysFromCreation: 0,
      },
      {
        name: 'Confirm renewal stakeholders',
        description: 'Identify the economic buyer, procurement contact and champion.',
        daysFromCreation: 7,
      },
      { name: 'Prepare renewal proposal', description: 'Draft the proposal with pricing from the renewal desk.', daysFromCreation: 21 },
      { name: 'Send renewal quote', description: 'Send the quote and confirm receipt with the buyer.', daysFromCreation: 30 },
      { name: 'Negotiate terms', description: null, daysFromCreation: 45 },
      { name: 'Obtain signed order form', description: 'Chase signature; loop in legal for any redlines.', daysFromCreation: 75 },
      {
        name: 'Hand off to billing',
        description: 'Send the signed order form to billing and update the renewal date.',
        daysFromCreation: 90,
      },
    ],
  },
  {
    name: 'Multi-year Renewal',
    description: 'For strategic accounts renewing on a multi-year contract.',
    ctaType: 'Renewal',
    active: true,
    templates: [
      {
        name: 'Executive alignment meeting',
        description: 'Meet the executive sponsor to agree on the multi-year plan.',
        daysFromCreation: 0,
      },
      {
        name: 'Build ROI summary',
        description: 'Summarise value delivered: time saved, revenue retained, adoption.',
        daysFromCreation: 14,
      },
      { name: 'Multi-year pricing approval', description: 'Get deal desk approval for the multi-year discount.', daysFromCreation: 28 },
      {
        name: 'Contract redlines review',
        description: 'Review redlines with legal and the customer procurement team.',
        daysFromCreation: 42,
      },
      { name: 'Signature and close', description: 'Collect signatures and close the renewal opportunity.', daysFromCreation: 60 },
    ],
  },
  {
    name: 'Risk Escalation',
    description: 'Structured response when an account is flagged at risk.',
    ctaType: 'Risk',
    active: true,
    templates: [
      {
        name: 'Acknowledge risk with account team',
        description: 'Post in the account channel and assign an escalation owner.',
        daysFromCreation: 0,
      },
      { name: 'Root cause analysis', description: 'Document what went wrong, with ticket and incident references.', daysFromCreation: 3 },
      { name: 'Executive sponsor outreach', description: 'Our VP reaches out to the customer executive sponsor.', daysFromCreation: 5 },
      { name: 'Agree remediation plan', description: 'Agree concrete actions, owners and dates with the customer.', daysFromCreation: 10 },
      { name: 'Weekly status call', description: 'Weekly call until the remediation plan is complete.', daysFromCreation: 14 },
      { name: 'Risk review and close-out', description: 'Confirm the risk is resolved and close the CTA.', daysFromCreation: 30 },
    ],
  },
  {
    name: 'Churn Save',
    description: 'Last-chance save motion after a customer signals intent to cancel.',
    ctaType: 'Risk',
    active: true,
    templates: [
      {
        name: 'Save call with decision maker',
        description: 'Understand the reasons for leaving; do not discount on the first call.',
        daysFromCreation: 0,
      },
      {
        name: 'Offer success plan or concession',
        description: 'Offer a joint success plan; concessions need VP approval.',
        daysFromCreation: 7,
      },
      { name: 'Confirm save outcome', description: 'Record saved / churned / downgraded and the reason code.', daysFromCreation: 21 },
    ],
  },
  {
    name: 'Low Adoption Recovery',
    description: 'Bring usage back up when active users drop below 40% of licenses.',
    ctaType: 'Risk',
    active: true,
    templates: [
      { name: 'Usage deep-dive', description: 'Break usage down by team and feature to find where it dropped.', daysFromCreation: 0 },
      { name: 'Identify power users', description: 'Find two or three power users to act as internal advocates.', daysFromCreation: 5 },
      { name: 'Targeted enablement session', description: 'Run a session for the teams with the lowest usage.', daysFromCreation: 12 },
      { name: 'Launch in-app guides', description: null, daysFromCreation: 20 },
      { name: 'Adoption re-check', description: 'Compare active users with the baseline from the deep-dive.', daysFromCreation: 45 },
    ],
  },
  {
    name: 'Expansion Opportunity',
    description: 'Qualify and pursue an expansion signal (seats, add-ons, new teams).',
    ctaType: 'Expansion',
    active: true,
    templates: [
      {
        name: 'Qualify expansion signal',
        description: 'Confirm the signal (license cap reached, new team interest, add-on trial).',
        daysFromCreation: 0,
      },
      { name: 'Discovery call with new team', description: 'Understand the new team use case and decision process.', daysFromCreation: 7 },
      { name: 'Loop in account executive', description: 'Hand the qualified opportunity to the AE with notes.', daysFromCreation: 10 },
      { name: 'Demo add-on module', description: 'Demo the add-on with the customer data where possible.', daysFromCreation: 21 },
      { name: 'Proposal and pricing', description: 'AE sends the proposal; CSM reviews the success plan impact.', daysFromCreation: 30 },
      { name: 'Close expansion', description: 'Confirm the order form and plan onboarding for the new seats.', daysFromCreation: 60 },
    ],
  },
  {
    name: 'Quarterly Business Review',
    description: 'Prepare, hold and follow up a QBR with the customer champion and sponsor.',
    ctaType: 'Lifecycle',
    active: true,
    templates: [
      {
        name: 'Pull usage and outcome metrics',
        description: 'Export usage, health and support metrics for the quarter.',
        daysFromCreation: 0,
      },
      { name: 'Draft QBR deck', description: 'Use the QBR template; include last quarter action items.', daysFromCreation: 5 },
      { name: 'Internal QBR dry run', description: 'Dry run with the AE and support lead.', daysFromCreation: 10 },
      { name: 'Hold QBR with champion', description: 'Present outcomes, roadmap and next-quarter goals.', daysFromCreation: 14 },
      { name: 'Send QBR summary and action items', description: 'Email the summary within two days of the meeting.', daysFromCreation: 16 },
      { name: 'Track QBR action items', description: null, daysFromCreation: 45 },
    ],
  },
  {
    name: 'Adoption Health Check',
    description: 'Twice-yearly health check for mid-market accounts.',
    ctaType: 'Lifecycle',
    active: true,
    templates: [
      { name: 'Review health score', description: 'Look at each health measure and note any red ones.', daysFromCreation: 0 },
      { name: 'Check license utilisation', description: 'Compare assigned and active licenses.', daysFromCreation: 2 },
      { name: 'Send feature adoption survey', description: 'Send the short adoption survey to all active users.', daysFromCreation: 7 },
      { name: 'Health check call', description: 'Walk the champion through the findings and survey results.', daysFromCreation: 14 },
      { name: 'Update success plan', description: 'Record agreed objectives in the success plan.', daysFromCreation: 21 },
    ],
  },
  {
    name: 'Legacy Onboarding (2022)',
    description: null,
    ctaType: 'Onboarding',
    active: false,
    templates: [
      { name: 'Kickoff', description: 'Old kickoff checklist (replaced by Enterprise Onboarding).', daysFromCreation: 0 },
      { name: 'Install on-premise agent', description: 'Remote session to install the on-premise sync agent.', daysFromCreation: 10 },
      { name: 'Training', description: 'Half-day training, on site.', daysFromCreation: 30 },
    ],
  },
  {
    name: 'Price Increase Outreach 2024',
    description: 'One-off campaign for the 2024 list price change. Kept for reporting.',
    ctaType: 'Renewal',
    active: false,
    templates: [
      {
        name: 'Notify customer of price change',
        description: 'Send the approved notice letter to the billing contact.',
        daysFromCreation: 0,
      },
      {
        name: 'Answer pricing questions',
        description: 'Use the FAQ; escalate discount requests to the renewal desk.',
        daysFromCreation: 7,
      },
      { name: 'Confirm acceptance', description: 'Record acceptance or objection in the renewal notes.', daysFromCreation: 30 },
      { name: 'Update billing records', description: 'Check the new price is on the next invoice.', daysFromCreation: 45 },
    ],
  },
];

/** Names of one-off tasks. `{company}` is replaced with the task's company name. */
export const ADHOC_TASK_NAMES: Readonly<Record<CtaTypeName | 'General', readonly string[]>> = {
  General: [
    'Schedule QBR with champion',
    'Follow up on open support tickets',
    'Update success plan',
    'Send product roadmap deck',
    'Check in with new admin',
    'Log notes from weekly sync',
    'Review NPS feedback',
    'Introduce new CSM to {company}',
    'Confirm executive sponsor',
    'Share release notes for the new version',
    'Update stakeholder map',
    'Book onsite visit at {company}',
    'Prepare account plan',
    'Invite champion to customer advisory board',
    'Ask for a case study',
    'Send webinar invitation',
  ],
  Renewal: [
    'Follow up on renewal quote',
    'Send renewal reminder to {company}',
    'Confirm PO number for renewal',
    'Review renewal pricing with finance',
    'Chase signed order form',
    'Check auto-renewal clause',
  ],
  Risk: [
    'Escalate P1 ticket to engineering',
    'Call champion about usage drop',
    'Address NPS detractor feedback',
    'Review open bugs with product',
    'Executive outreach after outage',
    'Send incident report to {company}',
  ],
  Onboarding: [
    'Send welcome pack',
    'Verify SSO configuration',
    'Schedule admin training',
    'Confirm data import completed',
    'Share onboarding checklist with {company}',
  ],
  Expansion: [
    'Share add-on pricing',
    'Intro to account executive',
    'Demo analytics module',
    'Identify new business units at {company}',
    'Send seat expansion quote',
  ],
  Lifecycle: ['Send quarterly health report', 'Plan annual kickoff with {company}', 'Refresh success plan goals', 'Run usage review'],
};

export const TASK_DESCRIPTIONS: readonly string[] = [
  'Discussed in the weekly sync; the customer asked for a written summary.',
  'Champion is on leave until next month, coordinate with the backup admin.',
  'Agenda:\n1. Usage review\n2. Open tickets\n3. Roadmap preview',
  'See ticket #4821 for details.',
  'Confirm with finance before quoting. Possible budget freeze in Q3.',
  'Use the new deck template (v3) from the CS shared drive.',
  'Customer prefers Tuesday or Thursday mornings (CET).',
  'Follow-up from the last QBR action items.',
  'Blocked until the customer IT team opens the firewall rule.',
  'Low priority unless the health score drops again.',
  'Send the recording and slides afterwards.',
  'Mentioned by the AE during pipeline review.',
  'Add notes to the timeline when done.',
  'Customer asked: "Can we get this before the board meeting?"',
  'Check usage of the reporting module first — it dropped 30% last month.',
  'Coordinate with Support; there are 3 open P2 tickets.',
];

/**
 * Awkward task names a UI and a search must cope with. Each appears at least once when there are
 * enough tasks: non-ASCII, quotes, markup, LIKE wildcards, a backslash, an emoji, a long name.
 */
export const HOSTILE_TASK_NAMES: readonly string[] = [
  'Überprüfung der Lizenzen',
  '日本語の研修',
  `Call "Big" Bob's team`,
  '<b>urgent</b> renewal',
  '<script>alert(1)</script>',
  'Reach 100% adoption_rate (50\\50 split)',
  '🚀 Launch celebration with the champion',
  'Prepare a detailed written summary of every outstanding onboarding item, integration blocker, ' +
    'open support ticket, training gap and executive sponsor concern for the steering committee, ' +
    'and circulate it to all stakeholders before the end of the quarter',
];
