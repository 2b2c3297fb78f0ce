const allowedByFlow = new Map<string, string[]>();

export async function lookupChatflowDomains(flowId: string): Promise<string[]> {
  return allowedByFlow.get(flowId) ?? [];
}
