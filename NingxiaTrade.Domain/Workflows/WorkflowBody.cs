namespace NingxiaTrade.Domain.Workflows;

/// <summary>
/// The body of a workflow definition: steps and the transitions between them, stored as JSON on
/// <see cref="WorkflowDefinition"/>. Everything here is data; behaviour comes only from the named guards
/// of <see cref="WorkflowGuards"/>, never from user-written code.
/// </summary>
public sealed class WorkflowBody
{
    public string InitialStep { get; set; } = "";
    public List<WorkflowStep> Steps { get; set; } = [];
    public List<WorkflowTransition> Transitions { get; set; } = [];
    /// <summary>The earliest bid deadline the law allows, if this flow has one.</summary>
    public DeadlineRule? BidDeadline { get; set; }

    public WorkflowStep? Step(string key) => Steps.FirstOrDefault(s => s.Key == key);

    public IEnumerable<WorkflowTransition> From(string step) => Transitions.Where(t => t.From == step);

    public WorkflowBody Clone() => System.Text.Json.JsonSerializer.Deserialize<WorkflowBody>(System.Text.Json.JsonSerializer.Serialize(this))!;
}

/// <summary>A step (环节). <see cref="MinimumDays"/> is the statutory minimum time in the step, if any.</summary>
public sealed class WorkflowStep
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsFinal { get; set; }
    /// <summary>Least time a project must stay in this step before leaving it forward (not by termination).</summary>
    public int? MinimumDays { get; set; }
    /// <summary>True when <see cref="MinimumDays"/> counts working days (法定节假日 and 调休 respected).</summary>
    public bool WorkingDays { get; set; }
    /// <summary>The law behind the minimum, e.g. 《招标投标法》第二十四条.</summary>
    public string? LegalBasis { get; set; }
}

/// <summary>A transition: fired by a user holding one of <see cref="Roles"/>, subject to its guards.</summary>
public sealed class WorkflowTransition
{
    /// <summary>Stable English trigger name, unique among the transitions leaving <see cref="From"/>.</summary>
    public string Trigger { get; set; } = "";
    /// <summary>What the button says, in Chinese.</summary>
    public string Name { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    /// <summary>The project's supervising department must approve before the move happens.</summary>
    public bool RequiresApproval { get; set; }
    /// <summary>A way out that does not wait for the step's minimum (termination, failed tender).</summary>
    public bool IgnoresStepMinimum { get; set; }
    public List<GuardUse> Guards { get; set; } = [];
    /// <summary>Fired by the platform itself when the time is reached.</summary>
    public WorkflowTimer? Timer { get; set; }
}

/// <summary>A named guard from the registry with its parameters.</summary>
public sealed class GuardUse
{
    public string Name { get; set; } = "";
    public Dictionary<string, string> Parameters { get; set; } = [];
}

/// <summary>Fires the transition automatically <see cref="Days"/> (working) days after the step was entered.</summary>
public sealed class WorkflowTimer
{
    public int Days { get; set; }
    public bool WorkingDays { get; set; }
}

/// <summary>"The bid deadline is at least <see cref="Days"/> days after the project entered <see cref="FromStep"/>."</summary>
public sealed class DeadlineRule
{
    public string FromStep { get; set; } = "";
    public int Days { get; set; }
    public bool WorkingDays { get; set; }
    public string? LegalBasis { get; set; }
}
