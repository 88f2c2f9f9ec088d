/** A small hand-written directory for the store contract: every role, a cluster with heads, a council. */
import type { Cluster, Council, Person, Unit, User } from '../../domain/org.js';

export const FX_UNITS: Unit[] = [
  // Children listed before their parent on purpose: the import must not depend on order.
  {
    id: 'fx-kv1',
    name: 'Viện kiểm sát nhân dân khu vực 1',
    level: 'regional',
    parentId: 'fx',
    staffCount: 20,
    collectiveCount: 3,
    email: 'kv1@fx.test',
  },
  {
    id: 'fx-kv2',
    name: 'Viện kiểm sát nhân dân khu vực 2',
    level: 'regional',
    parentId: 'fx',
    staffCount: 12,
    collectiveCount: 2,
    email: 'kv2@fx.test',
  },
  {
    id: 'fx-kv3',
    name: 'Viện kiểm sát nhân dân khu vực 3',
    level: 'regional',
    parentId: 'fx',
    staffCount: 3,
    collectiveCount: 2,
    email: 'kv3@fx.test',
  },
  {
    id: 'fx-vp',
    name: 'Văn phòng tổng hợp',
    level: 'department',
    parentId: 'fx',
    staffCount: 2,
    collectiveCount: 1,
    email: 'vp@fx.test',
  },
  {
    id: 'fx',
    name: 'Viện kiểm sát nhân dân tỉnh Thử Nghiệm',
    level: 'provincial',
    parentId: null,
    staffCount: 40,
    collectiveCount: 1,
    email: 'tinh@fx.test',
  },
];

export const FX_CLUSTERS: Cluster[] = [
  {
    id: 'fx-cum1',
    name: 'Cụm thi đua số 1',
    kind: 'cluster',
    memberUnitIds: ['fx-kv1', 'fx-kv2', 'fx-kv3'],
    headUnitByYear: { '2024': 'fx-kv3', '2025': 'fx-kv1' },
    deputyUnitByYear: { '2025': 'fx-kv2' },
  },
  {
    id: 'fx-khoi',
    name: 'Khối các phòng',
    kind: 'bloc',
    memberUnitIds: ['fx-vp'],
    headUnitByYear: { '2025': 'fx-vp' },
    deputyUnitByYear: {},
  },
];

export const FX_PEOPLE: Person[] = [
  { id: 'fx-nv01', fullName: 'Nguyễn Văn Trưởng', unitId: 'fx', position: 'Viện trưởng', email: 'truong@fx.test' },
  {
    id: 'fx-kv1-nv01',
    fullName: 'Trần Thị Hương',
    unitId: 'fx-kv1',
    position: 'Viện trưởng',
    email: 'huongtt@fx.test',
  },
  { id: 'fx-kv1-nv02', fullName: 'Lê Đức Minh', unitId: 'fx-kv1', position: 'Kiểm sát viên sơ cấp', email: null },
  { id: 'fx-kv1-nv03', fullName: 'Phạm Thu Hà', unitId: 'fx-kv1', position: 'Văn thư', email: 'hapt@fx.test' },
  { id: 'fx-kv2-nv01', fullName: 'Vũ Quang Hải', unitId: 'fx-kv2', position: 'Viện trưởng', email: 'haivq@fx.test' },
  { id: 'fx-kv2-nv02', fullName: 'Đặng Ngọc Lan', unitId: 'fx-kv2', position: 'Kiểm tra viên', email: 'landn@fx.test' },
  { id: 'fx-kv2-nv03', fullName: 'Bùi Minh Tuấn', unitId: 'fx-kv2', position: 'Chuyên viên', email: 'tuanbm@fx.test' },
  { id: 'fx-kv3-nv01', fullName: 'Đỗ Thị Mai', unitId: 'fx-kv3', position: 'Viện trưởng', email: 'maidt@fx.test' },
  { id: 'fx-vp-nv01', fullName: 'Hoàng Văn Nam', unitId: 'fx-vp', position: 'Chánh Văn phòng', email: 'namhv@fx.test' },
  { id: 'fx-vp-nv02', fullName: 'Ngô Thị Thảo', unitId: 'fx-vp', position: 'Chuyên viên', email: 'thaont@fx.test' },
];

export const FX_USERS: User[] = [
  {
    id: 'u-clerk',
    username: 'clerk.kv1',
    displayName: 'Phạm Thu Hà',
    unitId: 'fx-kv1',
    roles: ['unit_clerk'],
    email: 'clerk@fx.test',
    personId: 'fx-kv1-nv03',
  },
  {
    id: 'u-head',
    username: 'head.kv1',
    displayName: 'Trần Thị Hương',
    unitId: 'fx-kv1',
    roles: ['unit_head'],
    email: 'head@fx.test',
    personId: 'fx-kv1-nv01',
  },
  {
    id: 'u-cum',
    username: 'cum.c1',
    displayName: 'Trần Thị Hương',
    unitId: 'fx-kv1',
    roles: ['cluster_head'],
    email: 'cum@fx.test',
    personId: 'fx-kv1-nv01',
  },
  {
    id: 'u-multi',
    username: 'multi.kv2',
    displayName: 'Vũ Quang Hải',
    unitId: 'fx-kv2',
    roles: ['unit_head', 'unit_clerk'],
    email: 'multi@fx.test',
    personId: 'fx-kv2-nv01',
  },
  {
    id: 'u-secretary',
    username: 'secretary',
    displayName: 'Hoàng Văn Nam',
    unitId: 'fx-vp',
    roles: ['council_secretary'],
    email: 'sec@fx.test',
    personId: 'fx-vp-nv01',
  },
  {
    id: 'u-member',
    username: 'member1',
    displayName: 'Ngô Thị Thảo',
    unitId: 'fx-vp',
    roles: ['council_member'],
    email: 'member@fx.test',
    personId: 'fx-vp-nv02',
  },
  {
    id: 'u-chief',
    username: 'chief',
    displayName: 'Nguyễn Văn Trưởng',
    unitId: 'fx',
    roles: ['leadership'],
    email: 'chief@fx.test',
    personId: 'fx-nv01',
  },
  {
    id: 'u-admin',
    username: 'admin',
    displayName: 'Quản trị',
    unitId: 'fx',
    roles: ['admin'],
    email: 'admin@fx.test',
    personId: null,
  },
];

export const FX_COUNCIL: Council = {
  unitId: 'fx',
  chairUserId: 'u-chief',
  standingBodyUserIds: ['u-chief', 'u-secretary'],
  memberUserIds: ['u-chief', 'u-secretary', 'u-member'],
  secretariatUnitId: 'fx-vp',
};

export const FX_DIRECTORY = {
  units: FX_UNITS,
  clusters: FX_CLUSTERS,
  people: FX_PEOPLE,
  users: FX_USERS,
  councils: [FX_COUNCIL],
};
