using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Projects;

/// <summary>
/// What moves through a flow: the project itself, or — once its lots move separately
/// (<see cref="TradeProject.LotsMoveSeparately"/>) — one of its lots. The engine, the guards and the timers work on this,
/// so every rule (the 3-bid rule, the bid deadline, the publicity period) applies to whichever is moving.
/// </summary>
public sealed class FlowSubject
{
    private FlowSubject(TradeProject project, Lot? lot)
    {
        Project = project;
        Lot = lot;
    }

    public TradeProject Project { get; }
    /// <summary>Null when the project moves as a whole.</summary>
    public Lot? Lot { get; }

    public int? LotNumber => Lot?.Number;
    public string CurrentStep => Lot is null ? Project.CurrentStep : Lot.CurrentStep!;
    public DateTime? BidDeadlineUtc => Lot is null ? Project.BidDeadlineUtc : Lot.BidDeadlineUtc;
    public DateTime? DocumentsIssuedUtc => Lot is null ? Project.DocumentsIssuedUtc : Lot.DocumentsIssuedUtc;
    public Guid? PendingApprovalId => Lot is null ? Project.PendingApprovalId : Lot.PendingApprovalId;

    /// <summary>"" for the project; "第2标段（二号楼）" for a lot, to put before a step's name or in a message.</summary>
    public string Label => Lot is null ? "" : LotLabel(Project.TradeType, Lot.Number, Lot.Name);

    public static string LotLabel(TradeType type, int number, string name) => $"第{number}{TradeMethods.LotName(type)}（{name}）";

    /// <summary>The project as a whole; refused once its lots move separately (each lot is then moved on its own).</summary>
    public static FlowSubject Whole(TradeProject project) => project.LotsMoveSeparately
        ? throw new DomainException($"本项目各{TradeMethods.LotName(project.TradeType)}已分别办理，请在相应{TradeMethods.LotName(project.TradeType)}下办理。")
        : new FlowSubject(project, null);

    /// <summary>
    /// The subject a command names: the whole project when <paramref name="lotNumber"/> is null, else that lot, which must
    /// exist and move on its own.
    /// </summary>
    public static FlowSubject Of(TradeProject project, int? lotNumber)
    {
        if (lotNumber is not { } number)
        {
            return Whole(project);
        }
        var lotName = TradeMethods.LotName(project.TradeType);
        var lot = project.Lots.FirstOrDefault(l => l.Number == number) ?? throw new DomainException($"本项目没有第{number}{lotName}。");
        return lot.CurrentStep is null
            ? throw new DomainException($"本项目各{lotName}尚未分别办理，请在项目下办理。")
            : new FlowSubject(project, lot);
    }

    /// <summary>Every subject of the project now: the project, or each of its lots in number order.</summary>
    public static IReadOnlyList<FlowSubject> All(TradeProject project) => project.LotsMoveSeparately
        ? project.Lots.OrderBy(l => l.Number).Select(l => new FlowSubject(project, l)).ToList()
        : [new FlowSubject(project, null)];

    /// <summary>The engine moves the subject (the state machine's only way to change its step).</summary>
    internal void EnterStep(string step)
    {
        if (Lot is null)
        {
            Project.EnterStep(step);
        }
        else
        {
            Lot.EnterStep(step);
        }
    }

    internal void StartBidPeriod(DateTime nowUtc)
    {
        if (Lot is null)
        {
            Project.StartBidPeriod(nowUtc);
        }
        else
        {
            Lot.StartBidPeriod(nowUtc);
        }
    }

    /// <summary>Sets the subject's bid deadline, refused when earlier than <paramref name="earliestUtc"/>.</summary>
    internal void SetBidDeadline(DateTime deadlineUtc, DateTime earliestUtc, string basis)
    {
        if (Lot is null)
        {
            Project.SetBidDeadline(deadlineUtc, earliestUtc, basis);
        }
        else
        {
            Lot.SetBidDeadline(deadlineUtc, earliestUtc, basis);
            Project.Touch();
        }
    }

    internal void AwaitApproval(Guid requestId)
    {
        if (Lot is null)
        {
            Project.AwaitApproval(requestId);
        }
        else
        {
            Lot.AwaitApproval(requestId);
            Project.Touch();
        }
    }

    internal void ApprovalDecided()
    {
        if (Lot is null)
        {
            Project.ApprovalDecided();
        }
        else
        {
            Lot.ApprovalDecided();
        }
    }

    /// <summary>The history records that concern this subject: the project's own, and this lot's.</summary>
    public IEnumerable<ProjectStepRecord> Own(IEnumerable<ProjectStepRecord> history) =>
        history.Where(h => h.LotNumber is null || h.LotNumber == LotNumber);
}
