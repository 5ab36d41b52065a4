using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Notifications;

namespace NingxiaTrade.Domain.Rules;

/// <summary>The legal office's answer to a comment.</summary>
public enum CommentOutcome
{
    Adopted = 1,
    Rejected = 2,
}

/// <summary>Where a comment period stands at a given instant.</summary>
public enum CommentPeriodState
{
    NotStarted = 1,
    Open = 2,
    Closed = 3,
}

public static class CommentNames
{
    public static string Chinese(this CommentOutcome outcome) => outcome switch
    {
        CommentOutcome.Adopted => "采纳",
        CommentOutcome.Rejected => "不予采纳",
    };

    public static string Chinese(this CommentPeriodState state) => state switch
    {
        CommentPeriodState.NotStarted => "未开始",
        CommentPeriodState.Open => "征求意见中",
        CommentPeriodState.Closed => "已结束",
    };
}

/// <summary>
/// 征求意见 (四(一)2: 采取多种形式征求各交易主体的意见建议): a period, from <see cref="StartsUtc"/> (inclusive) to
/// <see cref="EndsUtc"/> (exclusive), in which anyone with an account comments on a set of rules.
/// </summary>
public class CommentPeriod
{
    private readonly List<CommentPeriodRule> _rules = [];
    private readonly List<PublicComment> _comments = [];

    private CommentPeriod() { }

    public CommentPeriod(string title, string? description, DateTime startsUtc, DateTime endsUtc, IEnumerable<Guid> ruleIds, string openedBy, DateTime nowUtc)
    {
        title = title?.Trim() ?? "";
        if (title.Length is < 4 or > 100)
        {
            throw new DomainException("征求意见标题应为4至100个字符。");
        }
        startsUtc = ChinaTime.EnsureUtc(startsUtc);
        endsUtc = ChinaTime.EnsureUtc(endsUtc);
        if (endsUtc <= startsUtc)
        {
            throw new DomainException("征求意见截止时间须晚于开始时间。");
        }
        if (endsUtc <= nowUtc)
        {
            throw new DomainException("征求意见截止时间须晚于当前时间。");
        }
        var ids = ruleIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new DomainException("请至少选择一件征求意见的规则。");
        }
        Id = Guid.NewGuid();
        Title = title;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        StartsUtc = startsUtc;
        EndsUtc = endsUtc;
        OpenedBy = openedBy;
        OpenedUtc = nowUtc;
        _rules.AddRange(ids.Select(id => new CommentPeriodRule(Id, id)));
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public DateTime StartsUtc { get; private set; }
    public DateTime EndsUtc { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public DateTime OpenedUtc { get; private set; }
    public IReadOnlyList<CommentPeriodRule> Rules => _rules;
    public IReadOnlyList<PublicComment> Comments => _comments;

    public CommentPeriodState StateAt(DateTime nowUtc) =>
        nowUtc < StartsUtc ? CommentPeriodState.NotStarted : nowUtc < EndsUtc ? CommentPeriodState.Open : CommentPeriodState.Closed;

    /// <summary>A comment, accepted only while the period is open.</summary>
    public PublicComment Comment(Guid? ruleId, string text, string? userId, string authorName, string authorRole, DateTime nowUtc)
    {
        switch (StateAt(nowUtc))
        {
            case CommentPeriodState.NotStarted:
                throw new DomainException($"征求意见尚未开始，请于 {ChinaTime.Format(StartsUtc)} 后提交意见。");
            case CommentPeriodState.Closed:
                throw new DomainException($"征求意见已于 {ChinaTime.Format(EndsUtc)} 结束，不再接受意见。");
            case CommentPeriodState.Open:
                break;
        }
        if (ruleId is { } id && _rules.All(r => r.RuleId != id))
        {
            throw new DomainException("所选规则不在本次征求意见范围内。");
        }
        var comment = new PublicComment(Id, ruleId, text, userId, authorName, authorRole, nowUtc);
        _comments.Add(comment);
        return comment;
    }

    /// <summary>Ends the period now, before its planned end.</summary>
    public void Close(DateTime nowUtc)
    {
        if (StateAt(nowUtc) == CommentPeriodState.Closed)
        {
            throw new DomainException("征求意见已经结束。");
        }
        if (StateAt(nowUtc) == CommentPeriodState.NotStarted)
        {
            // Closing before the start cancels it: an empty period.
            StartsUtc = nowUtc;
        }
        EndsUtc = nowUtc;
    }
}

/// <summary>One rule of a comment period.</summary>
public class CommentPeriodRule
{
    private CommentPeriodRule() { }

    internal CommentPeriodRule(Guid periodId, Guid ruleId)
    {
        CommentPeriodId = periodId;
        RuleId = ruleId;
    }

    public Guid CommentPeriodId { get; private set; }
    public Guid RuleId { get; private set; }
}

/// <summary>One comment (意见建议) and the legal office's answer.</summary>
public class PublicComment
{
    private PublicComment() { }

    internal PublicComment(Guid periodId, Guid? ruleId, string text, string? userId, string authorName, string authorRole, DateTime nowUtc)
    {
        text = text?.Trim() ?? "";
        if (text.Length is < 5 or > 2000)
        {
            throw new DomainException("意见内容应为5至2000个字。");
        }
        Id = Guid.NewGuid();
        CommentPeriodId = periodId;
        RuleId = ruleId;
        Text = text;
        AuthorUserId = userId;
        AuthorName = authorName;
        AuthorRole = authorRole;
        SubmittedUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid CommentPeriodId { get; private set; }
    /// <summary>The rule commented on; null for a comment on the whole set.</summary>
    public Guid? RuleId { get; private set; }
    public string Text { get; private set; } = "";
    public string? AuthorUserId { get; private set; }
    public string AuthorName { get; private set; } = "";
    /// <summary>The author's role (code) when commenting; the public page shows this, never the name.</summary>
    public string AuthorRole { get; private set; } = "";
    public DateTime SubmittedUtc { get; private set; }
    public CommentOutcome? Outcome { get; private set; }
    public string? Reply { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTime? AnsweredUtc { get; private set; }

    public void Answer(CommentOutcome outcome, string reply, string answeredBy, DateTime nowUtc)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("请选择采纳或不予采纳。");
        }
        reply = reply?.Trim() ?? "";
        if (reply.Length is < 2 or > 2000)
        {
            throw new DomainException("答复内容应为2至2000个字。");
        }
        Outcome = outcome;
        Reply = reply;
        AnsweredBy = answeredBy;
        AnsweredUtc = nowUtc;
    }
}

/// <summary>A period with its state and counts, for lists.</summary>
public sealed record CommentPeriodSummary(Guid Id, string Title, DateTime StartsUtc, DateTime EndsUtc, CommentPeriodState State, int RuleCount, int CommentCount, int Answered);

/// <summary>A rule of a period, as the comment screens show it.</summary>
public sealed record CommentRule(Guid Id, string Title, string? DocumentNumber, string IssuingBody);

/// <summary>A period with its rules and the comments the caller may read.</summary>
public sealed record CommentPeriodView(CommentPeriod Period, CommentPeriodState State, IReadOnlyList<CommentRule> Rules, IReadOnlyList<PublicComment> Comments, bool CanAnswer);

/// <summary>
/// The public comment on rules: the legal office opens and closes periods and answers each comment; anyone
/// signed in (any role, market entities included) comments while a period is open; after the period the
/// outcome is public (<see cref="PublicOutcomesAsync"/>), without the authors' names.
/// </summary>
public sealed class PublicConsultation(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time,
    INotifier? notifier = null)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The legal office opens a period on rules that are under review or passed.</summary>
    public async Task<Guid> OpenAsync(string title, string? description, DateTime startsUtc, DateTime endsUtc, IReadOnlyList<Guid> ruleIds, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.LegalOfficer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Rules.Where(r => ruleIds.Contains(r.Id)).Select(r => new { r.Id, r.Title, r.Status }).ToListAsync(cancellationToken);
        if (found.Count != ruleIds.Distinct().Count())
        {
            throw new DomainException("所选规则中有不存在的规则，请刷新后重试。");
        }
        if (found.FirstOrDefault(r => r.Status is not (RuleStatus.UnderReview or RuleStatus.Passed)) is { } bad)
        {
            throw new DomainException($"“{bad.Title}”{bad.Status.Chinese()}，只能对待审核或审核通过的规则征求意见。");
        }
        var period = new CommentPeriod(title, description, startsUtc, endsUtc, ruleIds, currentUser.ActorName(), Now);
        db.CommentPeriods.Add(period);
        await notifier.CommentPeriodOpenedAsync(db, period, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return period.Id;
    }

    /// <summary>The legal office ends a period now.</summary>
    public async Task CloseAsync(Guid periodId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.LegalOfficer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var period = await db.CommentPeriods.FirstOrDefaultAsync(p => p.Id == periodId, cancellationToken) ?? throw NotFound();
        period.Close(Now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every period, newest first, for anyone signed in.</summary>
    public async Task<IReadOnlyList<CommentPeriodSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        DemandSignedIn();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SummariesAsync(db.CommentPeriods.AsNoTracking(), cancellationToken);
    }

    /// <summary>
    /// A period with its rules. The legal office reads every comment; others read their own while the period
    /// runs, and every comment with its answer once it is over.
    /// </summary>
    public async Task<CommentPeriodView> GetAsync(Guid periodId, CancellationToken cancellationToken = default)
    {
        DemandSignedIn();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var period = await db.CommentPeriods.AsNoTracking().Include(p => p.Rules).Include(p => p.Comments)
            .FirstOrDefaultAsync(p => p.Id == periodId, cancellationToken) ?? throw NotFound();
        var state = period.StateAt(Now);
        var legal = currentUser.IsInRole(Roles.LegalOfficer);
        var comments = period.Comments
            .Where(c => legal || state == CommentPeriodState.Closed || c.AuthorUserId == currentUser.UserId)
            .OrderBy(c => c.SubmittedUtc).ToList();
        return new CommentPeriodView(period, state, await RulesOfAsync(db, period, cancellationToken), comments, legal);
    }

    /// <summary>Anyone signed in comments while the period is open; before or after, refused.</summary>
    public async Task<Guid> CommentAsync(Guid periodId, Guid? ruleId, string text, CancellationToken cancellationToken = default)
    {
        DemandSignedIn();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var period = await db.CommentPeriods.Include(p => p.Rules).FirstOrDefaultAsync(p => p.Id == periodId, cancellationToken) ?? throw NotFound();
        var role = Roles.All.FirstOrDefault(currentUser.IsInRole) ?? "";
        var comment = period.Comment(ruleId, text, currentUser.UserId, currentUser.ActorName(), role, Now);
        db.PublicComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return comment.Id;
    }

    /// <summary>The legal office adopts or rejects a comment, with a reply.</summary>
    public async Task AnswerAsync(Guid commentId, CommentOutcome outcome, string reply, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.LegalOfficer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var comment = await db.PublicComments.FirstOrDefaultAsync(c => c.Id == commentId, cancellationToken)
            ?? throw new DomainException("找不到该意见。");
        comment.Answer(outcome, reply, currentUser.ActorName(), Now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>For the public portal: closed periods with every comment and its answer; no names.</summary>
    public async Task<IReadOnlyList<CommentPeriodView>> PublicOutcomesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var periods = await db.CommentPeriods.AsNoTracking().Include(p => p.Rules).Include(p => p.Comments)
            .Where(p => p.EndsUtc <= now && p.EndsUtc > p.StartsUtc)
            .ToListAsync(cancellationToken);
        var views = new List<CommentPeriodView>();
        foreach (var period in periods.OrderByDescending(p => p.EndsUtc))
        {
            views.Add(new CommentPeriodView(period, CommentPeriodState.Closed, await RulesOfAsync(db, period, cancellationToken),
                period.Comments.OrderBy(c => c.SubmittedUtc).ToList(), false));
        }
        return views;
    }

    /// <summary>Periods open now, for home panels.</summary>
    public async Task<IReadOnlyList<CommentPeriodSummary>> OpenNowAsync(CancellationToken cancellationToken = default)
    {
        DemandSignedIn();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now;
        return await SummariesAsync(db.CommentPeriods.AsNoTracking().Where(p => p.StartsUtc <= now && p.EndsUtc > now), cancellationToken);
    }

    private async Task<IReadOnlyList<CommentPeriodSummary>> SummariesAsync(IQueryable<CommentPeriod> periods, CancellationToken cancellationToken)
    {
        var rows = await periods
            .Select(p => new { p.Id, p.Title, p.StartsUtc, p.EndsUtc, Rules = p.Rules.Count, Comments = p.Comments.Count, Answered = p.Comments.Count(c => c.Outcome != null) })
            .ToListAsync(cancellationToken);
        var now = Now;
        return rows.OrderByDescending(p => p.StartsUtc)
            .Select(p => new CommentPeriodSummary(p.Id, p.Title, p.StartsUtc, p.EndsUtc,
                now < p.StartsUtc ? CommentPeriodState.NotStarted : now < p.EndsUtc ? CommentPeriodState.Open : CommentPeriodState.Closed,
                p.Rules, p.Comments, p.Answered))
            .ToList();
    }

    private static async Task<IReadOnlyList<CommentRule>> RulesOfAsync(TradeDbContext db, CommentPeriod period, CancellationToken cancellationToken)
    {
        var ids = period.Rules.Select(r => r.RuleId).ToList();
        return await db.Rules.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Title)
            .Select(r => new CommentRule(r.Id, r.Title, r.DocumentNumber, r.IssuingBody)).ToListAsync(cancellationToken);
    }

    private void DemandSignedIn()
    {
        if (!currentUser.IsAuthenticated)
        {
            throw new AccessDeniedException("请先登录后再参与征求意见。");
        }
    }

    private static DomainException NotFound() => new("找不到该征求意见。");
}
