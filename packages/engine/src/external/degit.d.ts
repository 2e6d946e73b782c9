// degit ships no types; this is the part of its API the source fetcher uses.
declare module 'degit' {
  interface DegitOptions {
    mode?: 'tar' | 'git';
    force?: boolean;
    cache?: boolean;
    verbose?: boolean;
    /** Runs git and rm for the git mode; injected so the fetch can pin the commit before `.git` is removed. */
    exec?: (command: string, args: string[]) => Promise<{ stdout: string; stderr: string }>;
  }
  interface DegitRepo {
    site: string;
    user: string;
    name: string;
    ref: string;
    url: string;
    ssh: string;
    subdir?: string;
    mode: 'tar' | 'git';
  }
  interface Degit {
    repo: DegitRepo;
    clone(dest: string): Promise<void>;
    on(event: 'info' | 'warn', listener: (event: { message: string }) => void): this;
  }
  export default function degit(src: string, options?: DegitOptions): Degit;
}
