/**
 * File-system errors in words a person reads (`no such file`), for the
 * warnings of `failed` reports and the CLI's one-line messages.
 */
const WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'name too long',
  EIO: 'input/output error',
};

/** `no such file` for ENOENT and the like; the error's code or message otherwise. */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  const code = err?.code;
  if (code && WORDS[code]) return WORDS[code];
  return code ?? (err?.message || String(e));
}

/** The start of the warning of a `failed` report whose input could not be read at all (`sha256` is then null). */
export const CANNOT_READ = 'cannot read the file: ';
