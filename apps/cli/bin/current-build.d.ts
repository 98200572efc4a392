/** apps/cli/dist/, where builds of `tt` go. */
export declare const CLI_DIST: string;
/** The repository's root folder. */
export declare const REPOSITORY: string;
/**
 * The entry file of the current build in `dist` (default apps/cli/dist), or undefined when there is
 * none or a file it lists (relative to `repository`) has another modification time or is gone.
 */
export declare function currentBuild(dist?: string, repository?: string): string | undefined;
