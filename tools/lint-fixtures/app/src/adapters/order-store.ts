// Lint fixture: an adapter, which the application layer must not import.
export const saveOrder = (id: string): Promise<string> => Promise.resolve(id);
