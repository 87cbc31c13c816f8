import { html } from 'ghtml';
import type { UserPage } from '../api/types';
import { dateTime, layout, type PageContext } from './layout';

export function usersPage(context: PageContext, page: UserPage, connector: string | undefined): string {
  const rows = page.items
    .map(
      (u) =>
        html`<tr>
          <th scope="row">${u.name}</th>
          <td>${u.email ?? '—'}</td>
          <td>${u.role}</td>
          <td>${u.suspended ? 'Suspended' : 'No'}</td>
          <td>${u.active ? 'Active' : 'Inactive'}</td>
          <td>!${dateTime(u.lastLoginAt)}</td>
          <td>${u.account}</td>
        </tr>`,
    )
    .join('');
  const next =
    page.nextCursor === null
      ? ''
      : html`<p>
          <a
            rel="next"
            href="/users?${new URLSearchParams({ ...(connector ? { connector } : {}), cursor: page.nextCursor }).toString()}"
            >Next page</a
          >
        </p>`;
  return layout(
    'Users',
    context,
    page.items.length === 0
      ? html`<p>No user collected yet.</p>`
      : html`<table>
            <caption class="visually-hidden">
              Collected Zendesk users
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Suspended</th>
                <th scope="col">Active</th>
                <th scope="col">Last login</th>
                <th scope="col">Account</th>
              </tr>
            </thead>
            <tbody>
              !${rows}
            </tbody>
          </table>
          !${next}`,
  );
}
