import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Permission } from '../api/types.ts';
import {
  AppstoreOutlined,
  AuditOutlined,
  BookOutlined,
  FormOutlined,
  UploadOutlined,
  WarningOutlined,
  BankOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  SolutionOutlined,
  InboxOutlined,
  FileSearchOutlined,
  AlertOutlined,
  LikeOutlined,
  BarChartOutlined,
  CloudSyncOutlined,
  ProfileOutlined,
  ApartmentOutlined,
  NotificationOutlined,
} from '@ant-design/icons';

export interface NavLeaf {
  key: string;
  path: string;
  label: (t: TFunction) => string;
  icon: ReactNode;
  /** Shown (and routable) only with this permission (or any of these); none = every signed-in user. */
  permission?: Permission | Permission[];
  testId: string;
}

export interface NavGroup {
  key: string;
  label: (t: TFunction) => string;
  icon: ReactNode;
  children: NavLeaf[];
}

export type NavEntry = NavLeaf | NavGroup;

export function isGroup(entry: NavEntry): entry is NavGroup {
  return 'children' in entry;
}

/** The side menu, by module (server module names: org, audit, calendar …). */
export const NAV: NavEntry[] = [
  { key: 'home', path: '/', label: (t) => t('nav.home'), icon: <HomeOutlined />, testId: 'nav-home' },
  {
    key: 'org',
    label: (t) => t('nav.org'),
    icon: <ClusterOutlined />,
    children: [
      {
        key: 'regions',
        path: '/org/regions',
        label: (t) => t('nav.regions'),
        icon: <EnvironmentOutlined />,
        permission: 'regions.read',
        testId: 'nav-regions',
      },
      {
        key: 'departments',
        path: '/org/departments',
        label: (t) => t('nav.departments'),
        icon: <BankOutlined />,
        permission: 'departments.read',
        testId: 'nav-departments',
      },
      {
        key: 'users',
        path: '/org/users',
        label: (t) => t('nav.users'),
        icon: <TeamOutlined />,
        permission: 'users.read',
        testId: 'nav-users',
      },
    ],
  },
  {
    key: 'services',
    label: (t) => t('nav.services'),
    icon: <SolutionOutlined />,
    children: [
      {
        key: 'caseQueue',
        path: '/cases',
        label: (t) => t('nav.caseQueue'),
        icon: <InboxOutlined />,
        permission: 'cases.read',
        testId: 'nav-case-queue',
      },
      {
        key: 'intake',
        path: '/cases/new',
        label: (t) => t('nav.intake'),
        icon: <FormOutlined />,
        permission: 'cases.handle',
        testId: 'nav-intake',
      },
      {
        key: 'matters',
        path: '/services/matters',
        label: (t) => t('nav.matters'),
        icon: <ProfileOutlined />,
        permission: 'matters.read',
        testId: 'nav-matters',
      },
      {
        key: 'guideInspection',
        path: '/services/inspection',
        label: (t) => t('nav.guideInspection'),
        icon: <FileSearchOutlined />,
        permission: 'matters.read',
        testId: 'nav-guide-inspection',
      },
      {
        key: 'internal',
        path: '/services/internal',
        label: (t) => t('nav.internal'),
        icon: <ApartmentOutlined />,
        permission: ['cases.read', 'matters.read'],
        testId: 'nav-internal',
      },
    ],
  },
  {
    key: 'supervision',
    label: (t) => t('nav.supervision'),
    icon: <AlertOutlined />,
    children: [
      {
        key: 'flags',
        path: '/supervision',
        label: (t) => t('nav.flags'),
        icon: <AlertOutlined />,
        permission: ['cases.supervise', 'cases.rectify'],
        testId: 'nav-flags',
      },
      {
        key: 'evaluations',
        path: '/supervision/evaluations',
        label: (t) => t('nav.evaluations'),
        icon: <LikeOutlined />,
        permission: ['cases.supervise', 'cases.rectify'],
        testId: 'nav-evaluations',
      },
      {
        key: 'ranking',
        path: '/supervision/ranking',
        label: (t) => t('nav.ranking'),
        icon: <BarChartOutlined />,
        permission: ['cases.supervise', 'cases.read'],
        testId: 'nav-ranking',
      },
      {
        key: 'province',
        path: '/supervision/province',
        label: (t) => t('nav.province'),
        icon: <CloudSyncOutlined />,
        permission: 'cases.supervise',
        testId: 'nav-province',
      },
    ],
  },
  {
    key: 'data',
    label: (t) => t('nav.data'),
    icon: <BookOutlined />,
    children: [
      {
        key: 'catalog',
        path: '/catalog',
        label: (t) => t('nav.catalog'),
        icon: <BookOutlined />,
        permission: 'catalog.read',
        testId: 'nav-catalog',
      },
      {
        key: 'catalogReview',
        path: '/catalog/review',
        label: (t) => t('nav.catalogReview'),
        icon: <AuditOutlined />,
        permission: 'catalog.review',
        testId: 'nav-catalog-review',
      },
      {
        key: 'catalogImport',
        path: '/catalog/import',
        label: (t) => t('nav.catalogImport'),
        icon: <UploadOutlined />,
        permission: 'catalog.edit',
        testId: 'nav-catalog-import',
      },
    ],
  },
  {
    key: 'registry',
    label: (t) => t('nav.registry'),
    icon: <AppstoreOutlined />,
    children: [
      {
        key: 'systems',
        path: '/registry/systems',
        label: (t) => t('nav.systems'),
        icon: <AppstoreOutlined />,
        permission: 'registry.read',
        testId: 'nav-systems',
      },
      {
        key: 'systemFlags',
        path: '/registry/flags',
        label: (t) => t('nav.systemFlags'),
        icon: <WarningOutlined />,
        permission: 'registry.read',
        testId: 'nav-system-flags',
      },
      {
        key: 'census',
        path: '/registry/census',
        label: (t) => t('nav.census'),
        icon: <FormOutlined />,
        permission: ['census.manage', 'census.respond'],
        testId: 'nav-census',
      },
    ],
  },
  {
    key: 'security',
    label: (t) => t('nav.security'),
    icon: <SafetyCertificateOutlined />,
    children: [
      {
        key: 'audit',
        path: '/audit',
        label: (t) => t('nav.audit'),
        icon: <AuditOutlined />,
        permission: 'audit.read',
        testId: 'nav-audit',
      },
    ],
  },
  {
    key: 'basic',
    label: (t) => t('nav.basic'),
    icon: <DatabaseOutlined />,
    children: [
      {
        key: 'calendar',
        path: '/calendar',
        label: (t) => t('nav.calendar'),
        icon: <CalendarOutlined />,
        permission: 'calendar.read',
        testId: 'nav-calendar',
      },
      {
        key: 'webhooks',
        path: '/settings/webhooks',
        label: (t) => t('nav.webhooks'),
        icon: <NotificationOutlined />,
        permission: 'notify.webhooks',
        testId: 'nav-webhooks',
      },
    ],
  },
];

/** The menu entries this user may see; groups without a visible child disappear. */
export function visibleNav(can: (permission: Permission) => boolean): NavEntry[] {
  const allowed = (leaf: NavLeaf) => !leaf.permission || [leaf.permission].flat().some((p) => can(p));
  return NAV.flatMap((entry): NavEntry[] => {
    if (!isGroup(entry)) return allowed(entry) ? [entry] : [];
    const children = entry.children.filter(allowed);
    return children.length > 0 ? [{ ...entry, children }] : [];
  });
}

export function navLeaves(entries: NavEntry[]): NavLeaf[] {
  return entries.flatMap((e) => (isGroup(e) ? e.children : [e]));
}

/** The leaf whose path is the longest prefix of the current location. */
export function activeLeaf(entries: NavEntry[], pathname: string): NavLeaf | undefined {
  return navLeaves(entries)
    .filter((l) =>
      l.path === '/' ? pathname === '/' : pathname === l.path || pathname.startsWith(`${l.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
}
