/** The views the projection keeps, each rebuilt and versioned on its own. */
export const VIEW_NAMES = ['status', 'activities', 'users'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];
