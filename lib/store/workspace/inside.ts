import { lstatSync, realpathSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";

/**
 * Why writing `abs` would leave the workspace, or undefined when it would not: the folder it
 * goes into, with every symlink followed, must be the workspace's real folder or lie under it,
 * and the file itself must not be a symlink (a rename would replace the link, but a reader
 * following it elsewhere would be misled). Checked right before every write and removal.
 */
export function outsideWorkspace(realRoot: string, abs: string): string | undefined {
  let dir: string;
  try {
    dir = realpathSync(dirname(abs));
  } catch (err) {
    return `its folder cannot be resolved (${err instanceof Error ? err.message : String(err)})`;
  }
  if (dir !== realRoot && !dir.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) {
    return `it would be written to ${join(dir, basename(abs))}, outside the workspace ${realRoot}`;
  }
  try {
    if (lstatSync(abs).isSymbolicLink()) return `${basename(abs)} is a symbolic link; Routeboard does not write through links`;
  } catch {
    // does not exist yet: a new file
  }
  return undefined;
}

/** Whether anything (a file, a folder, a dangling link) already has this path. */
export function pathTaken(abs: string): boolean {
  try {
    lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}
