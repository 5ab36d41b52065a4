using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Workbench.Features.Workflows;

/// <summary>
/// The published flows as GET /api/public/workflows answers them. The shape is a published contract
/// (issue 3, item 6): change it only together with the partners who read it — fields are only ever added.
/// </summary>
public sealed record PublicWorkflow(string TradeType, int Version, string Name, IReadOnlyList<PublicStep> Steps, IReadOnlyList<PublicTransition> Transitions,
    string TradeMethod, PublicDeadline? BidDeadline, string? LotsFromStep, IReadOnlyList<PublicDuty> Duties)
{
    public static PublicWorkflow From(WorkflowDefinition definition)
    {
        var body = definition.Body;
        return new(
            definition.TradeType.ToString(),
            definition.Version,
            definition.Name,
            body.Steps.Select(s => new PublicStep(s.Key, s.Name, s.MinimumDays, s.WorkingDays, s.LegalBasis,
                s.MinimumDays is > 0 ? s.PeriodKind.ToString() : null)).ToList(),
            body.Transitions.Select(t => new PublicTransition(t.Trigger, t.From, t.To, t.Roles, t.RequiresApproval,
                WorkflowGuards.Conditions(body, t).Select(c => new PublicCondition(c.Text, c.LegalBasis)).ToList())).ToList(),
            definition.TradeMethod.ToString(),
            body.BidDeadline is { } rule ? new PublicDeadline(rule.FromStep, rule.Days, rule.WorkingDays, rule.Kind.ToString(), rule.LegalBasis) : null,
            body.LotsFromStep,
            body.Duties.Select(PublicDuty.From).ToList());
    }
}

/// <summary>A step; <see cref="PeriodKind"/> is "Duration" or "LeadTime" when the step has a minimum, else null.</summary>
public sealed record PublicStep(string Key, string Name, int? MinimumDays, bool WorkingDays, string? LegalBasis, string? PeriodKind);

public sealed record PublicTransition(string Trigger, string From, string To, IReadOnlyList<string> Roles, bool RequiresApproval,
    IReadOnlyList<PublicCondition> Conditions);

/// <summary>A condition of a transition in Chinese, as the public page shows it, with its legal basis.</summary>
public sealed record PublicCondition(string Text, string? LegalBasis);

/// <summary>The earliest bid deadline: <see cref="Days"/> (working) days from entering <see cref="FromStep"/>, a lead time.</summary>
public sealed record PublicDeadline(string FromStep, int Days, bool WorkingDays, string Kind, string? LegalBasis);

/// <summary>
/// A duty with a deadline (法定时限事项): <see cref="Name"/> within <see cref="Days"/> (working) days of <see cref="AfterEvent"/>,
/// fulfilled by <see cref="DoneEvent"/>; event keys as in the platform's event catalogue, with their Chinese names.
/// </summary>
public sealed record PublicDuty(string Name, string AfterEvent, string AfterEventName, string DoneEvent, string DoneEventName, int Days, bool WorkingDays,
    string LegalBasis)
{
    public static PublicDuty From(WorkflowDuty duty) => new(duty.Name, duty.AfterEvent, DutyEvents.Chinese(duty.AfterEvent), duty.DoneEvent,
        DutyEvents.Chinese(duty.DoneEvent), duty.Days, duty.WorkingDays, duty.LegalBasis);
}

internal static class WorkflowEndpoints
{
    public static async Task<IResult> PublishedAsync(WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var published = await definitions.PublishedAsync(cancellationToken);
        return Results.Ok(published.Select(PublicWorkflow.From).ToList());
    }
}
