/** Environment variables, as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The variables that carry the Cerebras API key (`@acpt/config` reads exactly these two). */
export const KEY_VARIABLES: readonly string[] = ['CEREBRAS_API_KEY', 'CEREBRAS_API_KEY_FILE'];

/** A copy of `env` without the key variables. */
export function withoutKeyVariables(env: Environment): Environment {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !KEY_VARIABLES.includes(name)));
}
