import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { ApiKey, CreateApiKeyInput, NewApiKey } from "./apikey.type.js";

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: "Administrators: API keys (never their secrets)." })
  apiKeys(@Ctx() { actor, services }: Context): Promise<ApiKey[]> {
    return services.apiKeys.list(actor);
  }

  @Mutation(() => NewApiKey, { description: "Administrators: a new API key with scopes and an optional expiry. The secret is shown once." })
  createApiKey(@Arg("input", () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() { actor, services }: Context): Promise<NewApiKey> {
    return services.apiKeys.create(actor, input);
  }

  @Mutation(() => ApiKey, { description: "Administrators: revoke a key; it stops working at once." })
  revokeApiKey(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<ApiKey> {
    return services.apiKeys.revoke(actor, id);
  }
}
