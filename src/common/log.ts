/** How the pipeline talks to the person running it: @actions/core in the action, the terminal in the CLI. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}
