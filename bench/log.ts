/** Progress lines of the bench, on standard error (standard output carries only the final table). */
export function benchLog(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}
