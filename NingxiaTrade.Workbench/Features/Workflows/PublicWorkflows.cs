using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Workbench.Features.Workflows;

/// <summary>
/// The published flows as GET /api/public/workflows answers them. The shape is a published contract
/// (issue 3, item 6): change it only together with the partners who read it.
/// </summary>
public sealed record PublicWorkflow(string TradeType, int Version, string Name, IReadOnlyList<PublicStep> Steps, IReadOnlyList<PublicTransition> Transitions)
{
    public static PublicWorkflow From(WorkflowDefinition definition)
    {
        var body = definition.Body;
        return new(
            definition.TradeType.ToString(),
            definition.Version,
            definition.Name,
            body.Steps.Select(s => new PublicStep(s.Key, s.Name, s.MinimumDays, s.WorkingDays, s.LegalBasis)).ToList(),
            body.Transitions.Select(t => new PublicTransition(t.Trigger, t.From, t.To, t.Roles, t.RequiresApproval)).ToList());
    }
}

public sealed record PublicStep(string Key, string Name, int? MinimumDays, bool WorkingDays, string? LegalBasis);

public sealed record PublicTransition(string Trigger, string From, string To, IReadOnlyList<string> Roles, bool RequiresApproval);

internal static class WorkflowEndpoints
{
    public static async Task<IResult> PublishedAsync(WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var published = await definitions.PublishedAsync(cancellationToken);
        return Results.Ok(published.Select(PublicWorkflow.From).ToList());
    }
}
