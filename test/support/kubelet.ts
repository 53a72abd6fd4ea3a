/**
 * A model of what the kubelet does to a container's texts before it starts it, as the Kubernetes API
 * documents it for Container.command, Container.args and EnvVar.value: "Variable references
 * $(VAR_NAME) are expanded using the previously defined environment variables in the container and
 * any service environment variables. If a variable cannot be resolved, the reference in the input
 * string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the
 * $(VAR_NAME) syntax." The scan follows Kubernetes' expansion package
 * (third_party/forked/golang/expansion): after a `$`, a `$` is one `$`; a `(` reads a name up to the
 * first `)` (none: `$(` stays); any other character stays with its `$`, as does a `$` at the end.
 * Env values are expanded in order with the variables defined before them (a value from a secret is
 * taken as it is); command and args with every variable of the container.
 */

// biome-ignore lint/suspicious/noExplicitAny: a container of a parsed manifest, checked by the tests
type Doc = any

/** `input` with its `$$` and `$(NAME)` expanded; `lookup` gives a variable's value, or undefined when it has none. */
export function expandReferences(input: string, lookup: (name: string) => string | undefined): string {
  let out = ''
  let checkpoint = 0
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 === input.length) continue
    out += input.slice(checkpoint, cursor)
    const next = input[cursor + 1]
    const close = next === '(' ? input.indexOf(')', cursor + 2) : -1
    if (close !== -1) {
      const name = input.slice(cursor + 2, close)
      out += lookup(name) ?? `$(${name})`
      cursor = close
    } else {
      // `$$` gives one `$`; `$(` without a `)` and `$x` stay as they are.
      out += next === '$' ? '$' : `$${next}`
      cursor += 1
    }
    checkpoint = cursor + 1
  }
  return out + input.slice(checkpoint)
}

/** What the process of a container gets: its argv (command, then args) and its environment, in order. */
export interface StartedContainer {
  readonly command: readonly string[]
  readonly args: readonly string[]
  readonly env: ReadonlyMap<string, string>
}

/**
 * The container as the kubelet starts it: env values from `secrets` (secret name to key to value)
 * or expanded, then command and args expanded. `serviceEnv` stands for the service variables
 * (KUBERNETES_SERVICE_HOST and the like, there even with enableServiceLinks: false); the container's
 * own variables come first. A secret key that is missing is an error, as it is for the kubelet.
 */
export function startContainer(
  container: Doc,
  secrets: Readonly<Record<string, Readonly<Record<string, string>>>>,
  serviceEnv: Readonly<Record<string, string>> = {},
): StartedContainer {
  const env = new Map<string, string>()
  const lookup = (name: string) => env.get(name) ?? (Object.hasOwn(serviceEnv, name) ? serviceEnv[name] : undefined)
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.secretKeyRef
    let value: string
    if (typeof variable.value === 'string' && variable.value !== '') value = expandReferences(variable.value, lookup)
    else if (ref) {
      const found = secrets[ref.name]?.[ref.key]
      if (found === undefined) throw new Error(`secret ${ref.name} has no key ${ref.key}: the kubelet would not start ${container.name}`)
      value = found
    } else value = ''
    env.set(variable.name, value)
  }
  const expand = (text: string) => expandReferences(String(text), lookup)
  return { command: (container.command ?? []).map(expand), args: (container.args ?? []).map(expand), env }
}
