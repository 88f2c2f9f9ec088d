/**
 * The organisation model of the People's Procuracy as it matters to commendation work.
 * Plain JSON-friendly types only: they travel through workflow state, queries and continue-as-new.
 */

/** Levels of units, from the Supreme People's Procuracy down to departments of a procuracy. */
export const UNIT_LEVELS = ['supreme', 'high', 'provincial', 'regional', 'department'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export interface Unit {
  /** Stable code, e.g. "hd" (VKSND tỉnh Hải Dương) or "hd-kv1" (VKSND khu vực 1). */
  id: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  /** Number of staff (biên chế): the 10% individual quota is computed from it. */
  staffCount: number;
  /** Number of collectives (tập thể: departments/teams) in the unit: the 1/4 collective quota is computed from it. */
  collectiveCount: number;
  email: string;
}

export type ClusterKind = 'cluster' | 'bloc';

/** A cụm or khối thi đua: member units compete together; one member is head (cụm trưởng) for a given year. */
export interface Cluster {
  id: string;
  name: string;
  kind: ClusterKind;
  memberUnitIds: string[];
  /** Head unit by emulation year, e.g. { "2025": "hd-kv1" }. */
  headUnitByYear: Record<string, string>;
  /** Deputy head unit (cụm phó) by year, where one is named. */
  deputyUnitByYear: Record<string, string>;
}

export interface Person {
  id: string;
  fullName: string;
  unitId: string;
  position: string;
  email: string | null;
}

/** Roles a user can hold. A user holds roles within one unit. */
export const ROLES = [
  'unit_clerk', // cán bộ làm công tác TĐKT của đơn vị: drafts nominations and registrations
  'unit_head', // thủ trưởng đơn vị: signs and submits for the unit
  'cluster_head', // lãnh đạo đơn vị cụm trưởng / khối trưởng: endorses members' nominations, runs the compact
  'council_secretary', // Thường trực Hội đồng / Văn phòng: checks dossiers, tracks deadlines, handles complaints
  'council_member', // thành viên Hội đồng TĐKT: votes
  'leadership', // Viện trưởng / Phó Viện trưởng: approves and signs decisions
  'admin', // quản trị hệ thống: reads every case, repairs with a reason
] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  roles: Role[];
  email: string;
  /** Links the account to a person of the directory (for conflict-of-interest checks), if any. */
  personId: string | null;
}

/**
 * Signing on behalf: "ký thay" (KT., a deputy signs for the head) and "thừa lệnh" (TL., an office signs by
 * the head's order). The actor acts with the principal's role; the record keeps both names.
 */
export type ActingMode = 'ky_thay' | 'thua_lenh';

export interface ActingFor {
  mode: ActingMode;
  userId: string;
  role: Role;
}

/** Who performs an action. Every staff action carries one; workflows check it again. */
export interface Actor {
  userId: string;
  displayName: string;
  role: Role;
  unitId: string;
  actingFor: ActingFor | null;
}

/** The council (Hội đồng Thi đua - Khen thưởng) of an organisation. */
export interface Council {
  /** The unit whose council it is, e.g. the provincial procuracy. */
  unitId: string;
  chairUserId: string;
  standingBodyUserIds: string[];
  memberUserIds: string[];
  secretariatUnitId: string;
}

/**
 * The units whose cases the given councils decide: a unit's cases go to the nearest council up its hierarchy
 * (itself included), as the case context loads it (activities/cases.ts loadCaseContext).
 */
export function unitsDecidedBy(
  units: readonly Pick<Unit, 'id' | 'parentId'>[],
  councilUnitIds: ReadonlySet<string>,
  councils: readonly string[],
): string[] {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const nearestCouncil = (unitId: string): string | null => {
    const seen = new Set<string>();
    for (let at: string | null = unitId; at !== null && !seen.has(at); at = parentOf.get(at) ?? null) {
      if (councilUnitIds.has(at)) return at;
      seen.add(at);
    }
    return null;
  };
  return units.filter((u) => councils.includes(nearestCouncil(u.id) ?? '')).map((u) => u.id);
}
