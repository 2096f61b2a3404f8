import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from "graphql";

/**
 * Validation rules that refuse a query before it runs when it nests too deep or asks for too
 * many fields (fragments expanded). The limits leave room for the standard introspection query
 * (about 180 tokens; Berth's largest operation has under 100). maxTokens is a parse option.
 */
export const QUERY_LIMITS = { maxDepth: 15, maxFields: 2000, maxTokens: 10_000 };

export function queryLimits(limits = QUERY_LIMITS) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      let fields = 0;
      let tooMany = false;
      const depthOf = (set: SelectionSetNode, depth: number, seen: Set<string>): number => {
        let max = depth;
        for (const sel of set.selections) {
          if (tooMany) return max;
          if (sel.kind === Kind.FIELD) {
            if (++fields > limits.maxFields) tooMany = true;
            if (sel.selectionSet) max = Math.max(max, depthOf(sel.selectionSet, depth + 1, seen));
          } else if (sel.kind === Kind.INLINE_FRAGMENT) {
            max = Math.max(max, depthOf(sel.selectionSet, depth, seen));
          } else {
            const f = fragments.get(sel.name.value);
            // A fragment cycle is reported by graphql's own rules; don't loop on it here.
            if (!f || seen.has(f.name.value)) continue;
            max = Math.max(max, depthOf(f.selectionSet, depth, new Set([...seen, f.name.value])));
          }
          if (max > limits.maxDepth) return max;
        }
        return max;
      };
      const depth = depthOf(node.selectionSet, 1, new Set());
      if (depth > limits.maxDepth) {
        context.reportError(new GraphQLError(`query too deep: nesting of ${depth} levels passes the limit of ${limits.maxDepth}`, { nodes: [node], extensions: { code: "QUERY_TOO_COMPLEX" } }));
      } else if (tooMany) {
        context.reportError(new GraphQLError(`query too large: more than ${limits.maxFields} fields`, { nodes: [node], extensions: { code: "QUERY_TOO_COMPLEX" } }));
      }
    },
  });
}
