import { describe, expect, it } from 'vitest';
import { toUserSnapshot } from './user';

describe('toUserSnapshot', () => {
  const user = {
    id: 7,
    name: 'Ada',
    email: 'ada@acme.test',
    role: 'admin',
    custom_role_id: null,
    active: true,
    suspended: false,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-02-01T00:00:00Z',
    last_login_at: null,
  };

  it('maps a full snapshot', () => {
    expect(toUserSnapshot(user, 'acme')).toEqual({
      account: 'acme',
      id: 7,
      name: 'Ada',
      email: 'ada@acme.test',
      role: 'admin',
      customRoleId: null,
      suspended: false,
      active: true,
      lastLoginAt: null,
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-02-01T00:00:00Z',
    });
  });

  it('skips the anonymous user and records without timestamps', () => {
    expect(toUserSnapshot({ ...user, id: null }, 'acme')).toBeNull();
    expect(toUserSnapshot({ ...user, created_at: null }, 'acme')).toBeNull();
  });

  it('treats an empty email as none and an unknown role as end-user', () => {
    expect(toUserSnapshot({ ...user, email: '', role: 'owner' }, 'acme')).toMatchObject({
      email: null,
      role: 'end-user',
    });
  });
});
