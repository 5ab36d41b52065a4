using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>
/// A question as its reader may see it: the asker's entity and person only for the centre's clerks and the supervisors;
/// <see cref="Mine"/> marks the reading bidder's own.
/// </summary>
public sealed record QuestionInfo(Guid Id, int Number, string Text, DateTime AskedUtc, bool Mine, string? AskedByEntityName, string? AskedByName,
    string? Answer, string? AnsweredBy, DateTime? AnsweredUtc, bool IsPublished);

/// <summary>A published clarification or amendment.</summary>
public sealed record AmendmentInfo(Guid Id, int Number, int? LotNumber, string Title, string Text, bool AffectsPreparation, string? FileName,
    long? SizeBytes, string Sm3, string SignedByName, string SignatureToken, string PublishedBy, DateTime PublishedUtc);

/// <summary>A project's clarifications as the reader may see them, and whether the reader may ask now (and why not).</summary>
public sealed record ClarificationView(IReadOnlyList<QuestionInfo> Questions, IReadOnlyList<AmendmentInfo> Amendments, bool CanAsk,
    string? AskRefusal, DateTime? QuestionCutoffUtc, bool CanAnswer, bool SeesAskers);

/// <summary>The new an amendment now needs: the earliest lawful deadline, the basis, and a proposal (null: no deadline needs to move).</summary>
public sealed record AmendmentDeadline(DateTime EarliestUtc, string Basis, DateTime? ProposedUtc, IReadOnlyList<string> Affected);

/// <summary>The form of an amendment.</summary>
public sealed record AmendmentForm(string Title, string Text, int? LotNumber, bool AffectsPreparation, DateTime? NewDeadlineUtc);

/// <summary>One line of a home panel: a published answer or amendment (bidders), or a question waiting for an answer (tenderers/agents).</summary>
public sealed record ClarificationFeedItem(Guid ProjectId, string ProjectName, string Kind, string Title, DateTime AtUtc);

/// <summary>
/// Clarifications and amendments (澄清/修改). Potential bidders that obtained the tender documents ask questions; the
/// tenderer or agent answers them (to the asker, or published to all) and publishes amendments signed with its seal;
/// every published answer and amendment goes to everyone who obtained the documents at once, never naming the asker —
/// who asked is kept for the centre's clerks and the supervisors only. An amendment that may affect bid preparation
/// moves the bid deadline to at least the notice period after it, through the projects module's deadline setter.
/// </summary>
public sealed class ClarificationService(
    IDbContextFactory<TradeDbContext> contexts,
    ICurrentUser currentUser,
    TimeProvider time,
    IProjectDirectory projects,
    IMarketEntityDirectory entities,
    SignatureService signatures,
    IDocumentStore store,
    BiddingSettings settings,
    IBidDeadlineExtender deadlines,
    WorkingDayCalendar calendar,
    INotifier? notifier = null)
{
    private const string NotDownloaded = "贵单位未获取本项目招标文件；只有获取招标文件的潜在投标人可以提出澄清问题、查看澄清答复（《招标投标法》第二十三条）。";
    private static readonly string[] Readers = [Roles.Bidder, Roles.Tenderer, Roles.Agent, Roles.CentreClerk, Roles.Supervisor];

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A question from a potential bidder that obtained the documents, while bids are taken and before the question
    /// cut-off; the tenderer/agent and the centre are told a question came in, never by whom.
    /// </summary>
    public async Task<QuestionInfo> AskAsync(Guid projectId, string text, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Bidder);
        var project = await projects.FindPublishedAsync(projectId, cancellationToken) ?? throw new NotFoundException("项目不存在或您无权查看。");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entityId = await DocumentIntake.EntityOfAsync(db, currentUser.UserId, "您的账户未关联市场主体，不能提出澄清问题。", cancellationToken);
        if (await AskRefusalAsync(db, project, entityId, cancellationToken) is { } refusal)
        {
            throw new DomainException(refusal);
        }
        var question = text?.Trim() ?? "";
        if (question.Length is < 5 or > BidQuestion.MaxText)
        {
            throw new DomainException($"问题内容应为5至{BidQuestion.MaxText}个字符。");
        }
        var entityName = (await entities.GetManyAsync([entityId], cancellationToken)).FirstOrDefault()?.Name ?? "";
        var number = await db.BidQuestions.CountAsync(q => q.ProjectId == projectId, cancellationToken) + 1;
        var row = new BidQuestion(projectId, number, question, entityId, entityName, currentUser.UserId, currentUser.ActorName(), Now);
        db.BidQuestions.Add(row);
        await notifier.TellAsync(db, Recipients.Project(projectId, ProjectParty.Owner | ProjectParty.CentreClerks), NotificationKind.Clarification,
            $"{project.Name}：收到澄清问题{number}", $"潜在投标人就招标文件提出了问题{number}，请及时答复。", ProjectLink(projectId), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Info(row, mine: true, seesAsker: false);
    }

    /// <summary>
    /// The tenderer's or agent's answer (own projects only, while bids are taken): to the asker alone, or published —
    /// then every potential bidder that obtained the documents is told at once, without the asker's name.
    /// </summary>
    public async Task<QuestionInfo> AnswerAsync(Guid questionId, string answer, bool publish, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Tenderer, Roles.Agent);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var question = await db.BidQuestions.FirstOrDefaultAsync(q => q.Id == questionId, cancellationToken) ?? throw new NotFoundException("问题不存在。");
        var project = await projects.FindAsync(question.ProjectId, cancellationToken);
        if (project is null || (project.TendererUserId != currentUser.UserId && project.AgentUserId != currentUser.UserId))
        {
            throw new AccessDeniedException("只有本项目的招标人或招标代理机构可以答复澄清问题。");
        }
        DocumentIntake.EnsureOpen(project, "答复澄清问题", Now);
        question.Reply(answer, publish, currentUser.ActorName(), currentUser.UserId, Now);
        if (publish)
        {
            await TellDownloadersAsync(db, project, $"{project.Name}：澄清问题{question.Number}已答复",
                $"招标人就招标文件的问题{question.Number}作出答复并公开：\n问：{question.Text}\n答：{question.Answer}", cancellationToken);
        }
        else
        {
            await notifier.TellAsync(db, Recipients.Users(question.AskedByUserId), NotificationKind.Clarification,
                $"{project.Name}：您的问题{question.Number}已答复", question.Answer!, BidderLink(project.Id), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Info(question, mine: false, seesAsker: false);
    }

    /// <summary>
    /// What an amendment published now would require of the deadline: the earliest lawful one and, when a deadline of the
    /// project or lot falls before it, a proposal — that day at the current deadline's time of day, on a working day.
    /// </summary>
    public async Task<AmendmentDeadline> DeadlineForAsync(Guid projectId, int? lotNumber, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Tenderer, Roles.Agent);
        var project = await OwnAsync(projectId, cancellationToken);
        var floor = Floor(project.TradeType, Now);
        var affected = Affected(project, lotNumber).Where(l => l.Deadline < floor.EarliestUtc).ToList();
        if (affected.Count == 0)
        {
            return new AmendmentDeadline(floor.EarliestUtc, floor.Basis, null, []);
        }
        var timeOfDay = TimeOnly.FromDateTime(ChinaTime.ToChina(affected.Max(a => a.Deadline)));
        var day = ChinaTime.DateOf(floor.EarliestUtc);
        for (var i = 0; i < 30 && !(await calendar.IsWorkingDayAsync(day, cancellationToken)).IsWorkingDay; i++)
        {
            day = day.AddDays(1);
        }
        return new AmendmentDeadline(floor.EarliestUtc, floor.Basis, ChinaTime.ToUtc(day.ToDateTime(timeOfDay)), affected.Select(a => a.Label).ToList());
    }

    /// <summary>
    /// Publishes a clarification or amendment, signed with the publisher's seal, with an optional file; everyone who obtained
    /// the documents is told at once. One that may affect bid preparation published less than the notice period before a
    /// deadline it concerns needs <see cref="AmendmentForm.NewDeadlineUtc"/> at least that period after now; the deadline moves
    /// through the projects module (its checks, history and audit) in the same transaction. Refused — nothing stored or
    /// moved — otherwise.
    /// </summary>
    public async Task<AmendmentInfo> PublishAsync(Guid projectId, int revision, AmendmentForm form, Stream? file, string? fileName, string pin,
        CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Tenderer, Roles.Agent);
        var project = await OwnAsync(projectId, cancellationToken);
        var now = Now;
        DocumentIntake.EnsureOpen(project, "发布澄清或修改", now);
        var title = form.Title?.Trim() ?? "";
        var text = form.Text?.Trim() ?? "";
        if (title.Length is < 2 or > 200 || text.Length is < 5 or > 20000)
        {
            throw new DomainException("标题应为2至200个字符，内容应为5至20000个字符。");
        }
        if (form.LotNumber is { } lot && project.Lots.All(l => l.Number != lot))
        {
            throw new DomainException($"本项目没有第{lot}{TradeMethods.LotName(project.TradeType)}。");
        }
        if (file is not null)
        {
            DocumentIntake.CheckName(fileName, "澄清或修改文件");
        }
        var floor = Floor(project.TradeType, now);
        var extension = new BidDeadlineExtension(projectId, form.LotNumber, revision, form.NewDeadlineUtc is { } d ? ChinaTime.EnsureUtc(d) : null,
            form.AffectsPreparation ? floor : new BidDeadlineFloor(DateTime.MinValue, floor.Basis));
        var mustMove = form.AffectsPreparation && Affected(project, form.LotNumber).Any(a => a.Deadline < floor.EarliestUtc);
        if (mustMove && !(extension.NewDeadlineUtc >= floor.EarliestUtc))
        {
            // 招标投标法 第23条, 条例 第21条, 87号令 第27条: at least 15 days between such an amendment and the deadline.
            throw new DomainException($"该澄清或修改可能影响投标文件编制，距投标截止时间不足{settings.AmendmentNoticeDays}日，投标截止时间应顺延至不早于 {ChinaTime.Format(floor.EarliestUtc)}（{floor.Basis}）。");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entityId = await DocumentIntake.EntityOfAsync(db, currentUser.UserId, "您的账户未关联市场主体，不能使用电子签章。", cancellationToken);
        var stored = file is null ? null
            : await DocumentIntake.StoreAsync(store, file, fileName!, settings.TenderDocumentMaxBytes, "澄清或修改文件", cancellationToken);
        try
        {
            var sm3 = Amendment.ContentDigest(title, text, stored?.Sm3);
            var signature = await signatures.SignDigestAsync(entityId, pin, sm3, title, cancellationToken);
            Amendment? amendment = null;
            await deadlines.ExtendAsync(extension, async (context, token) =>
            {
                var number = await context.Amendments.CountAsync(a => a.ProjectId == projectId, token) + 1;
                amendment = new Amendment(projectId, number, form.LotNumber, title, text, form.AffectsPreparation, floor.Basis, stored,
                    stored is null ? null : DocumentIntake.CheckName(fileName, "澄清或修改文件"), sm3, signature, entityId, currentUser.ActorName(), currentUser.UserId, now);
                context.Amendments.Add(amendment);
                var lotText = form.LotNumber is { } n ? $"（第{n}{TradeMethods.LotName(project.TradeType)}）" : "";
                var moved = mustMove ? $"\n投标截止时间顺延至 {ChinaTime.Format(extension.NewDeadlineUtc)}。" : "";
                await TellDownloadersAsync(context, project, $"{project.Name}：发布澄清或修改{number}{lotText}", $"{title}\n{text}{moved}", token);
            }, cancellationToken);
            return Info(amendment!);
        }
        catch
        {
            if (stored is not null)
            {
                store.Delete(stored.StoredName); // a refused amendment leaves no file behind
            }
            throw;
        }
    }

    /// <summary>
    /// The project's questions and amendments as the reader may see them: a bidder (only one whose entity obtained the
    /// documents) its own questions and the published answers; the tenderer/agent every question without the asker; the
    /// centre's clerks and the supervisors everything, the asker included.
    /// </summary>
    public async Task<ClarificationView> ViewAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Readers);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var amendments = (await db.Amendments.AsNoTracking().Where(a => a.ProjectId == projectId).OrderByDescending(a => a.Number)
            .ToListAsync(cancellationToken)).Select(Info).ToList();
        var questions = db.BidQuestions.AsNoTracking().Where(q => q.ProjectId == projectId);
        if (currentUser.IsInRole(Roles.Bidder))
        {
            var project = await projects.FindPublishedAsync(projectId, cancellationToken) ?? throw new NotFoundException("项目不存在或您无权查看。");
            var entityId = await DocumentIntake.EntityOfAsync(db, currentUser.UserId, NotDownloaded, cancellationToken);
            if (!await DownloadedAsync(db, projectId, entityId, cancellationToken))
            {
                throw new AccessDeniedException(NotDownloaded);
            }
            var visible = await questions.Where(q => q.AskedByEntityId == entityId || q.IsPublished).OrderByDescending(q => q.Number).ToListAsync(cancellationToken);
            var refusal = await AskRefusalAsync(db, project, entityId, cancellationToken);
            return new ClarificationView(visible.Select(q => Info(q, q.AskedByEntityId == entityId, false)).ToList(), amendments, refusal is null, refusal,
                QuestionCutoff(project), false, false);
        }
        var own = await projects.FindAsync(projectId, cancellationToken) ?? throw new NotFoundException("项目不存在或您无权查看。");
        var seesAskers = currentUser.IsInRole(Roles.CentreClerk) || currentUser.IsInRole(Roles.Supervisor);
        var canAnswer = !seesAskers && (own.TendererUserId == currentUser.UserId || own.AgentUserId == currentUser.UserId);
        var all = await questions.OrderByDescending(q => q.Number).ToListAsync(cancellationToken);
        return new ClarificationView(all.Select(q => Info(q, false, seesAskers)).ToList(), amendments, false, null, QuestionCutoff(own), canAnswer, seesAskers);
    }

    /// <summary>The amendment's file for whoever may read the project's clarifications.</summary>
    public async Task<TenderDocumentFile> OpenFileAsync(Guid amendmentId, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var amendment = await db.Amendments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == amendmentId, cancellationToken)
                ?? throw new NotFoundException("澄清或修改文件不存在。");
            _ = await ViewAsync(amendment.ProjectId, cancellationToken);
            if (amendment.StoredName is null || store.OpenRead(amendment.StoredName) is not { } content)
            {
                throw new NotFoundException("澄清或修改文件不存在。");
            }
            return new TenderDocumentFile(amendment.FileName!, amendment.SizeBytes ?? 0, content);
        }
    }

    /// <summary>
    /// The home panel: for a bidder, the latest published answers and amendments of the projects its entity obtained
    /// documents for; for a tenderer or agent, the questions of its projects still waiting for an answer.
    /// </summary>
    public async Task<IReadOnlyList<ClarificationFeedItem>> FeedAsync(int take = 8, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Bidder, Roles.Tenderer, Roles.Agent);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = new List<(Guid ProjectId, string Kind, string Title, DateTime At)>();
        if (currentUser.IsInRole(Roles.Bidder))
        {
            var entityId = await db.Users.Where(u => u.Id == currentUser.UserId).Select(u => u.MarketEntityId).FirstOrDefaultAsync(cancellationToken);
            var ids = await db.TenderDocumentDownloads.AsNoTracking().Where(d => d.EntityId == entityId && d.Role == Roles.Bidder)
                .Select(d => d.ProjectId).Distinct().ToListAsync(cancellationToken);
            items.AddRange((await db.Amendments.AsNoTracking().Where(a => ids.Contains(a.ProjectId)).OrderByDescending(a => a.PublishedUtc).Take(take)
                .Select(a => new { a.ProjectId, a.Number, a.Title, a.PublishedUtc }).ToListAsync(cancellationToken))
                .Select(a => (a.ProjectId, "澄清/修改", $"{a.Number}. {a.Title}", a.PublishedUtc)));
            items.AddRange((await db.BidQuestions.AsNoTracking().Where(q => ids.Contains(q.ProjectId) && q.IsPublished).OrderByDescending(q => q.AnsweredUtc).Take(take)
                .Select(q => new { q.ProjectId, q.Number, q.Text, q.AnsweredUtc }).ToListAsync(cancellationToken))
                .Select(q => (q.ProjectId, "问题答复", $"问题{q.Number}：{Short(q.Text)}", q.AnsweredUtc!.Value)));
        }
        else
        {
            var mine = (await projects.ProjectsAsync(200, cancellationToken))
                .Where(p => p.TendererUserId == currentUser.UserId || p.AgentUserId == currentUser.UserId).Select(p => p.Id).ToList();
            items.AddRange((await db.BidQuestions.AsNoTracking().Where(q => mine.Contains(q.ProjectId) && q.Answer == null).OrderByDescending(q => q.AskedUtc).Take(take)
                .Select(q => new { q.ProjectId, q.Number, q.Text, q.AskedUtc }).ToListAsync(cancellationToken))
                .Select(q => (q.ProjectId, "待答复", $"问题{q.Number}：{Short(q.Text)}", q.AskedUtc)));
        }
        var result = new List<ClarificationFeedItem>();
        foreach (var item in items.OrderByDescending(i => i.At).Take(take))
        {
            if (await projects.FindPublishedAsync(item.ProjectId, cancellationToken) is { } project)
            {
                result.Add(new ClarificationFeedItem(item.ProjectId, project.Name, item.Kind, item.Title, item.At));
            }
        }
        return result;
    }

    public static string ProjectLink(Guid projectId) => $"/projects/{projectId}#clarifications";

    public static string BidderLink(Guid projectId) => $"/bidding/clarifications/{projectId}";

    /// <summary>Tells every account of each entity that obtained the documents (and the centre's clerks), never who asked.</summary>
    private async Task TellDownloadersAsync(TradeDbContext db, ProjectSummary project, string title, string body, CancellationToken cancellationToken)
    {
        var downloaders = await db.TenderDocumentDownloads.AsNoTracking().Where(d => d.ProjectId == project.Id && d.Role == Roles.Bidder && d.EntityId != null)
            .Select(d => d.EntityId!.Value).Distinct().ToListAsync(cancellationToken);
        await notifier.TellAsync(db, downloaders.Aggregate(Recipients.None, (all, e) => all.And(Recipients.Entity(e))), NotificationKind.Clarification,
            title, body, BidderLink(project.Id), cancellationToken);
        await notifier.TellAsync(db, Recipients.Project(project.Id, ProjectParty.CentreClerks), NotificationKind.Clarification, title, body,
            ProjectLink(project.Id), cancellationToken);
    }

    private async Task<ProjectSummary> OwnAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var project = await projects.FindAsync(projectId, cancellationToken);
        return project is not null && (project.TendererUserId == currentUser.UserId || project.AgentUserId == currentUser.UserId)
            ? project
            : throw new AccessDeniedException("只有本项目的招标人或招标代理机构可以发布澄清或修改。");
    }

    /// <summary>Why the entity may not ask now, or null.</summary>
    private async Task<string?> AskRefusalAsync(TradeDbContext db, ProjectSummary project, Guid entityId, CancellationToken cancellationToken)
    {
        if (!await DownloadedAsync(db, project.Id, entityId, cancellationToken))
        {
            return NotDownloaded;
        }
        try
        {
            DocumentIntake.EnsureOpen(project, "提出澄清问题", Now);
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        if (QuestionCutoff(project) is { } cutoff && cutoff <= Now)
        {
            // 招标投标法实施条例 第22条: objections to the documents 10 days before the deadline; questions follow the same cut-off.
            return $"提问截止时间 {ChinaTime.Format(cutoff)}（投标截止时间前{settings.QuestionCutoffDays}日，参照《招标投标法实施条例》第二十二条）已过，不能再提出澄清问题。";
        }
        return null;
    }

    /// <summary>The cut-off counted back from the latest deadline still ahead, or null when none is set (or no cut-off is configured).</summary>
    private DateTime? QuestionCutoff(ProjectSummary project)
    {
        var ahead = Affected(project, null).Select(a => a.Deadline).ToList();
        return ahead.Count == 0 || settings.QuestionCutoffDays == 0 ? null : ahead.Max().AddDays(-settings.QuestionCutoffDays);
    }

    private static Task<bool> DownloadedAsync(TradeDbContext db, Guid projectId, Guid entityId, CancellationToken cancellationToken) =>
        db.TenderDocumentDownloads.AnyAsync(d => d.ProjectId == projectId && d.EntityId == entityId && d.Role == Roles.Bidder, cancellationToken);

    /// <summary>The deadlines still ahead an amendment of <paramref name="lotNumber"/> (null: the whole project) concerns.</summary>
    private IEnumerable<(string Label, DateTime Deadline)> Affected(ProjectSummary project, int? lotNumber)
    {
        var now = Now;
        // A lot's deadline is the project's while the lots move together.
        return project.Lots.Where(l => !l.IsClosed && l.BidDeadlineUtc > now && (lotNumber is null || l.Number == lotNumber))
            .Select(l => (project.Lots.Count > 1 ? $"第{l.Number}{TradeMethods.LotName(project.TradeType)}（{l.Name}）" : "项目", l.BidDeadlineUtc!.Value));
    }

    /// <summary>
    /// The notice period from now: the deadline may fall on the <see cref="BiddingSettings.AmendmentNoticeDays"/>th day after
    /// the day of publication (the day itself not counted), as the bid-deadline lead time is counted.
    /// </summary>
    private BidDeadlineFloor Floor(TradeType type, DateTime nowUtc)
    {
        var days = settings.AmendmentNoticeDays;
        var basis = type == TradeType.GovernmentProcurement
            ? $"《政府采购货物和服务招标投标管理办法》（财政部令第87号）第二十七条：澄清或者修改的内容可能影响投标文件编制的，应当在投标截止时间至少{days}日前发出，不足{days}日的应当顺延提交投标文件的截止时间"
            : $"《招标投标法》第二十三条、《招标投标法实施条例》第二十一条：澄清或者修改的内容可能影响投标文件编制的，应当在投标截止时间至少{days}日前发出，不足{days}日的应当顺延提交投标文件的截止时间";
        return new BidDeadlineFloor(ChinaTime.StartOfDayUtc(ChinaTime.DateOf(nowUtc).AddDays(days)), basis);
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static QuestionInfo Info(BidQuestion q, bool mine, bool seesAsker) =>
        new(q.Id, q.Number, q.Text, q.AskedUtc, mine, seesAsker ? q.AskedByEntityName : null, seesAsker ? q.AskedByName : null,
            q.Answer, q.AnsweredBy, q.AnsweredUtc, q.IsPublished);

    private static AmendmentInfo Info(Amendment a) =>
        new(a.Id, a.Number, a.LotNumber, a.Title, a.Text, a.AffectsPreparation, a.FileName, a.SizeBytes, a.Sm3, a.SignedByName, a.SignatureToken,
            a.PublishedBy, a.PublishedUtc);
}

/// <summary>
/// The bidding module's floor under every later change of a bid deadline: at least the notice period after the latest
/// amendment that may affect bid preparation (of the project, or of that lot), published in the subject's current round.
/// </summary>
public sealed class AmendmentDeadlineFloor(BiddingSettings settings) : IBidDeadlineFloorSource
{
    public async Task<BidDeadlineFloor?> FloorAsync(TradeDbContext db, Guid projectId, int? lotNumber, DateTime? documentsIssuedUtc,
        CancellationToken cancellationToken = default)
    {
        var since = documentsIssuedUtc ?? DateTime.MinValue;
        var latest = await db.Amendments.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.AffectsPreparation && a.PublishedUtc >= since && (lotNumber == null || a.LotNumber == null || a.LotNumber == lotNumber))
            .OrderByDescending(a => a.PublishedUtc).Select(a => new { a.PublishedUtc, a.Basis, a.Number }).FirstOrDefaultAsync(cancellationToken);
        // 招标投标法 第23条 / 87号令 第27条: the deadline stays at least the notice period after such an amendment.
        return latest is null ? null
            : new BidDeadlineFloor(ChinaTime.StartOfDayUtc(ChinaTime.DateOf(latest.PublishedUtc).AddDays(settings.AmendmentNoticeDays)),
                $"已于 {ChinaTime.Format(latest.PublishedUtc)} 发布可能影响投标文件编制的澄清或修改{latest.Number}；{latest.Basis}");
    }
}
