/**
 * Roles, permissions and scopes: deny by default. A role grants a fixed set of permissions; the
 * scope (a region subtree and/or a department) limits which rows those permissions reach.
 */
export const ROLES = [
  'sys_admin',
  'sec_admin',
  'audit_admin',
  'bureau_admin',
  'dept_data_officer',
  'dept_case_officer',
  'dept_case_approver',
  'window_officer',
  'street_officer',
  'community_worker',
  'leader',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'regions.read',
  'regions.manage',
  'departments.read',
  'departments.manage',
  'users.read',
  'users.manage',
  'users.edit',
  'users.lock',
  'users.reset',
  'roles.manage',
  'audit.read',
  'calendar.read',
  'calendar.manage',
  'api_clients.manage',
  'notify.webhooks',
  'catalog.read',
  'catalog.edit',
  'catalog.review',
  'registry.read',
  'registry.edit',
  'registry.review',
  'registry.report_usage',
  'census.manage',
  'census.respond',
  'matters.read',
  'matters.edit',
  'guides.inspect',
  'cases.read',
  'cases.handle',
  'cases.approve',
  'cases.rectify',
  'cases.supervise',
  'cases.import',
  'cases.unmask',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Who acts on a department's overdue cases, poor grades and sent-back rectifications. */
export const DEPARTMENT_CASE_ROLES = [
  'dept_case_officer',
  'dept_case_approver',
] as const satisfies readonly Role[];

/** 三员分立: these three are held by different accounts, and none of them may alter audit records. */
export const ADMIN_TRIAD: readonly Role[] = ['sys_admin', 'sec_admin', 'audit_admin'];

const everyoneReads: Permission[] = ['regions.read', 'departments.read', 'calendar.read'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  // The system administrator runs accounts and reference data, but cannot grant the admin roles
  // or read the audit trail.
  sys_admin: [
    ...everyoneReads,
    'regions.manage',
    'departments.manage',
    'users.read',
    'users.manage',
    'users.edit',
    'users.lock',
    'users.reset',
    'calendar.manage',
    'api_clients.manage',
    'notify.webhooks',
    // Systems report their own use, and harvesters read the published catalogue, through API clients
    // the system administrator creates (and may only give permissions it holds).
    'registry.report_usage',
    'catalog.read',
  ],
  // The security administrator grants roles (including the admin roles) and locks accounts.
  sec_admin: [...everyoneReads, 'users.read', 'users.edit', 'users.lock', 'users.reset', 'roles.manage'],
  // The audit administrator reads and exports audit records and can change nothing else.
  audit_admin: ['audit.read'],
  // The data bureau reviews the catalogue, runs the registry and its census rounds.
  bureau_admin: [
    ...everyoneReads,
    'users.read',
    'calendar.manage',
    'catalog.read',
    'catalog.edit',
    'catalog.review',
    'registry.read',
    'registry.edit',
    'registry.review',
    'census.manage',
    // The bureau supervises government services: matters and guides, inspection, overdue and
    // abnormal cases, rectification review, the provincial library, historical imports.
    'matters.read',
    'matters.edit',
    'guides.inspect',
    'cases.read',
    'cases.supervise',
    'cases.import',
  ],
  // A department's data officer keeps its own catalogue entries and systems (scope: department).
  dept_data_officer: [
    ...everyoneReads,
    'catalog.read',
    'catalog.edit',
    'registry.read',
    'registry.edit',
    'registry.report_usage',
    'census.respond',
  ],
  // A department's case officer reviews and completes its cases and rectifies their flags.
  dept_case_officer: [
    ...everyoneReads,
    'catalog.read',
    'matters.read',
    'cases.read',
    'cases.handle',
    'cases.rectify',
    // Those who handle a case may see the applicant's full name, ID and phone, with a reason (PI-1).
    'cases.unmask',
  ],
  // The department's approver (审批负责人) decides, grants extensions and keeps its matters and guides.
  dept_case_approver: [
    ...everyoneReads,
    'catalog.read',
    'matters.read',
    'matters.edit',
    'cases.read',
    'cases.handle',
    'cases.approve',
    'cases.rectify',
    'cases.unmask',
  ],
  // A service-hall window (综合窗口) takes in, accepts and delivers cases of its region (scope: region).
  window_officer: [...everyoneReads, 'matters.read', 'cases.read', 'cases.handle', 'cases.unmask'],
  street_officer: [...everyoneReads, 'catalog.read', 'matters.read', 'cases.read'],
  community_worker: [...everyoneReads, 'catalog.read', 'matters.read'],
  leader: [...everyoneReads, 'catalog.read', 'registry.read', 'matters.read', 'cases.read'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}

/** Returns the offending pair when a role set breaks separation of duties, else null. */
export function separationOfDutiesViolation(roles: readonly Role[]): [Role, Role] | null {
  const held = ADMIN_TRIAD.filter((r) => roles.includes(r));
  return held.length > 1 ? [held[0]!, held[1]!] : null;
}

/**
 * What an API client may be given: only permissions its creator holds, and never those that would
 * let a system act as an administrator (audit reading, role grants, creating more clients).
 */
export const NEVER_DELEGATED: readonly Permission[] = [
  'audit.read',
  'roles.manage',
  'api_clients.manage',
  'notify.webhooks',
  'cases.unmask',
  'users.manage',
  'users.edit',
  'users.lock',
  'users.reset',
];

export function delegable(creatorRoles: readonly Role[], permission: Permission): boolean {
  return !NEVER_DELEGATED.includes(permission) && hasPermission(creatorRoles, permission);
}

/** Roles that only the security administrator may grant. */
export function needsRoleManager(role: Role): boolean {
  return ADMIN_TRIAD.includes(role);
}

/** Roles tied to one level of the region tree: a street officer's scope is a street, and so on. */
export const ROLE_REGION_LEVEL: Partial<Record<Role, 'street' | 'community'>> = {
  street_officer: 'street',
  community_worker: 'community',
};

/** The first role whose required region level the given level does not meet, if any. */
export function roleRegionMismatch(
  roles: readonly Role[],
  level: string,
): { role: Role; level: string } | null {
  for (const role of roles) {
    const need = ROLE_REGION_LEVEL[role];
    if (need && need !== level) return { role, level: need };
  }
  return null;
}

/** A region scope is a division-code prefix: a child's code starts with its parent's. */
export function regionInScope(scopeCode: string, regionCode: string): boolean {
  return regionCode.startsWith(scopeCode);
}
