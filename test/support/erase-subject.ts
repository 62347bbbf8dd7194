import type { DataKeyVault } from '@opsdesk/platform';

/** A subject erased as an erasure does it: its key deleted, then recorded. */
export async function eraseSubject(
  vault: DataKeyVault,
  subject: string,
): Promise<void> {
  await vault.deleteKeys([subject]);
  await vault.recordErasures([subject], { id: 'supervisor-sh' });
}
