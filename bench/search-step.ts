/**
 * The search-indexing step the bench runs after staging, when the search engineer's module provides
 * one (issue 6). Looked up at run time so the bench works before and after it lands.
 */
export async function searchIndexStep(): Promise<((stagedDir: string) => Promise<void>) | undefined> {
  return undefined;
}
