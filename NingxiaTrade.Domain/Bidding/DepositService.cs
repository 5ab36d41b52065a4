using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>A deposit as the screens show it.</summary>
public sealed record DepositView(Guid Id, string Number, Guid ProjectId, string ProjectCode, string ProjectName, int LotNumber, string LotName,
    Guid EntityId, string EntityName, Money Amount, DepositMethod Method, DepositStatus Status, string Payment, DateTime? ReceivedUtc,
    DepositRefundBasis? RefundBasis, DateOnly? RefundLastDay, bool RefundOverdue, DateTime? RefundedUtc, Money Interest, Money LateFee,
    DateTime? ForfeitedUtc, string? ForfeitReason, bool IsWinner);

/// <summary>A lot a bidder may pay a deposit for: where to pay, how much, by when, and its own deposit if any.</summary>
public sealed record PayableLot(Guid ProjectId, string ProjectCode, string ProjectName, TradeType TradeType, int LotNumber, string LotName,
    Money Deposit, DateTime? BidDeadlineUtc, string CollectionBank, string SubAccount, DepositView? Mine);

/// <summary>A transfer to the project's sub-account as the bidder records it.</summary>
public sealed record TransferForm(string BankName, string Reference, string PayerAccount, string PayerName);

/// <summary>A guarantee (保函/电子保函) as the bidder records it.</summary>
public sealed record GuaranteeForm(string Number, string Issuer, Money Amount, DateOnly ValidUntil, bool Electronic);

/// <summary>
/// Bid deposits (投标保证金, issue 11 item 3): per bidder per lot, the amount the lot asks. A bidder records its own
/// payment — a transfer to the project's virtual sub-account (engineering: from its 基本账户) or a guarantee valid for the
/// bid validity — and sees only its own deposits. The centre's clerk confirms arrival (one by one or from the bank
/// statement), refunds within the legal periods (each refund is a duty on the project's duty list, overdue when late) and
/// forfeits with a reason; the list of depositors is confidential to clerks and supervisors, like the downloaders list
/// (《招标投标法》第二十二条). Every change is saved through the audited SaveChanges.
/// </summary>
public sealed partial class DepositService(
    IDbContextFactory<TradeDbContext> contexts,
    ICurrentUser currentUser,
    TimeProvider time,
    IProjectDirectory projects,
    CreditGate creditGate,
    IMarketEntityDirectory entities,
    ItemDuties duties,
    DepositSettings settings,
    ExcelImport? imports = null) : IDepositDirectory
{
    private static readonly string[] Readers = [Roles.CentreClerk, Roles.Supervisor];
    private static readonly string[] EventRecorders = [Roles.CentreClerk, Roles.Tenderer, Roles.Agent, Roles.Supervisor, Roles.Admin];

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The project's virtual sub-account: the centre's deposit account followed by the digits of the project code.</summary>
    public string SubAccountOf(string projectCode)
    {
        var account = settings.CollectionAccount + new string(projectCode.Where(char.IsAsciiDigit).ToArray());
        return account.Length > 32 ? account[..32] : account;
    }

    // ---------------------------------------------------------------- bidder

    /// <summary>The lots of published notices still taking bids that ask for a deposit, each with the bidder's own deposit.</summary>
    public async Task<IReadOnlyList<PayableLot>> PayableLotsAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Bidder);
        var entityId = await OwnEntityAsync(cancellationToken);
        var notices = await projects.OpenNoticesAsync(null, 0, 100, cancellationToken);
        var now = Now;
        var lots = notices.Items.Where(p => Takes(p.TradeType))
            .SelectMany(p => p.Lots.Where(l => !l.IsClosed && l.Deposit.Fen > 0 && (l.BidDeadlineUtc is null || l.BidDeadlineUtc > now)).Select(l => (p, l)))
            .ToList();
        var ids = lots.Select(x => x.p.Id).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = await db.Deposits.AsNoTracking().Where(d => d.EntityId == entityId && ids.Contains(d.ProjectId)).ToListAsync(cancellationToken);
        return lots.Select(x => new PayableLot(x.p.Id, x.p.Code, x.p.Name, x.p.TradeType, x.l.Number, x.l.Name, x.l.Deposit, x.l.BidDeadlineUtc,
            settings.CollectionBank, SubAccountOf(x.p.Code),
            mine.FirstOrDefault(d => d.ProjectId == x.p.Id && d.LotNumber == x.l.Number) is { } d ? View(d, now) : null)).ToList();
    }

    /// <summary>The bidder's own deposits, newest first (never another entity's).</summary>
    public async Task<IReadOnlyList<DepositView>> MyDepositsAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Bidder);
        var entityId = await OwnEntityAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now;
        return (await db.Deposits.AsNoTracking().Where(d => d.EntityId == entityId).OrderByDescending(d => d.CreatedUtc).Take(200).ToListAsync(cancellationToken))
            .Select(d => View(d, now)).ToList();
    }

    /// <summary>
    /// Records (or, while 待缴, corrects) the bidder's transfer for the lot. Refused — nothing saved — for another trade
    /// type, a lot without deposit, after the deadline, for a banned entity, a payer other than the bidder itself, and in
    /// engineering a paying account other than its registered 基本账户 (《招标投标法实施条例》第二十六条).
    /// </summary>
    public async Task<DepositView> RecordTransferAsync(Guid projectId, int lotNumber, TransferForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (project, lot, entityId, entityName) = await AdmitPayerAsync(projectId, lotNumber, cancellationToken);
        var bank = form.BankName?.Trim() ?? "";
        var reference = form.Reference?.Trim() ?? "";
        var account = (form.PayerAccount ?? "").Replace(" ", "", StringComparison.Ordinal);
        var payer = form.PayerName?.Trim() ?? "";
        if (bank.Length is < 2 or > 100)
        {
            throw new DomainException("请填写付款银行（2至100个字符）。");
        }
        if (reference.Length is < 4 or > 64)
        {
            throw new DomainException("请填写银行转账流水号（4至64个字符），交易中心凭流水号核对到账。");
        }
        if (account.Length is < 8 or > 32 || !account.All(char.IsAsciiDigit))
        {
            throw new DomainException("付款账号应为8至32位数字。");
        }
        if (payer != entityName)
        {
            throw new DomainException($"付款账户名称“{payer}”与投标人名称“{entityName}”不一致：投标保证金应从投标人自己的账户转出。");
        }
        if (project.TradeType == TradeType.EngineeringBidding)
        {
            // 法规 《招标投标法实施条例》第二十六条: a cash deposit of an engineering bid is transferred from the bidder's basic account.
            var basic = await entities.BasicAccountAsync(entityId, cancellationToken)
                ?? throw new DomainException("工程建设项目的现金投标保证金应当从投标人的基本账户转出（《招标投标法实施条例》第二十六条），本单位尚未在市场主体库登记基本账户，请先办理信息变更。");
            if (basic.AccountNumber != account)
            {
                throw new DomainException($"工程建设项目的现金投标保证金应当从投标人的基本账户转出（《招标投标法实施条例》第二十六条）：付款账号 {account} 不是本单位登记的基本账户（{basic.BankName} {basic.AccountNumber}）。");
            }
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Deposits.AnyAsync(d => d.ProjectId == projectId && d.Reference == reference && !(d.LotNumber == lotNumber && d.EntityId == entityId), cancellationToken))
        {
            throw new DomainException($"流水号 {reference} 已登记在本项目的另一笔保证金上，请核对。");
        }
        var deposit = await FindOrAddAsync(db, project, lot, entityId, entityName, cancellationToken);
        deposit.RecordTransfer(bank, reference, account, payer, currentUser.ActorName());
        await SaveAsync(db, cancellationToken);
        return View(deposit, Now);
    }

    /// <summary>
    /// Records (or, while 待缴, corrects) a guarantee for the lot: at least the lot's deposit, valid at least for the bid
    /// validity after the deadline (《招标投标法实施条例》第二十六条; procurement accepts it as a non-cash form,
    /// 《政府采购法实施条例》第三十三条). Refused as <see cref="RecordTransferAsync"/> and for a short amount or validity.
    /// </summary>
    public async Task<DepositView> RecordGuaranteeAsync(Guid projectId, int lotNumber, GuaranteeForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (project, lot, entityId, entityName) = await AdmitPayerAsync(projectId, lotNumber, cancellationToken);
        var number = form.Number?.Trim() ?? "";
        var issuer = form.Issuer?.Trim() ?? "";
        if (number.Length is < 4 or > 64)
        {
            throw new DomainException("请填写保函编号（4至64个字符）。");
        }
        if (issuer.Length is < 4 or > 200)
        {
            throw new DomainException("请填写出具保函的银行或担保机构（4至200个字符）。");
        }
        if (form.Amount < lot.Deposit)
        {
            throw new DomainException($"保函金额 {form.Amount} 低于本{LotWord(project.TradeType)}应缴的投标保证金 {lot.Deposit}。");
        }
        var deadline = lot.BidDeadlineUtc ?? throw new DomainException("投标截止时间尚未确定，暂不能核对保函有效期，请待招标人确定投标截止时间后再登记。");
        // 法规 《招标投标法实施条例》第二十六条: the deposit is valid as long as the bids are.
        var validityEnd = ChinaTime.DateOf(deadline).AddDays(settings.BidValidityDays);
        if (form.ValidUntil < validityEnd)
        {
            throw new DomainException($"保函有效期至 {ChinaTime.FormatDate(form.ValidUntil)}，短于投标有效期（自投标截止之日起{settings.BidValidityDays}日，至 {ChinaTime.FormatDate(validityEnd)}）：投标保证金有效期应当与投标有效期一致（《招标投标法实施条例》第二十六条）。");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deposit = await FindOrAddAsync(db, project, lot, entityId, entityName, cancellationToken);
        deposit.RecordGuarantee(number, issuer, form.Amount, form.ValidUntil, form.Electronic, currentUser.ActorName());
        await SaveAsync(db, cancellationToken);
        return View(deposit, Now);
    }

    // ---------------------------------------------------------------- clerk and supervisor

    /// <summary>The project's deposits by lot and bidder — confidential: the centre's clerks and the supervisors only.</summary>
    public async Task<IReadOnlyList<DepositView>> ProjectDepositsAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Readers);
        _ = await projects.FindAsync(projectId, cancellationToken) ?? throw new NotFoundException("项目不存在或您无权查看。");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now;
        return (await db.Deposits.AsNoTracking().Where(d => d.ProjectId == projectId).ToListAsync(cancellationToken))
            .OrderBy(d => d.LotNumber).ThenBy(d => d.EntityName, StringComparer.Ordinal).Select(d => View(d, now)).ToList();
    }

    /// <summary>The clerk confirms a 待缴 deposit has arrived (a transfer seen on the account, a guarantee checked with its issuer).</summary>
    public async Task<DepositView> ConfirmArrivalAsync(Guid depositId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.CentreClerk);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (deposit, project) = await ClerkLoadAsync(db, depositId, cancellationToken);
        if (deposit.Method == 0)
        {
            throw new DomainException($"保证金{deposit.Number}尚未登记缴纳方式，不能确认到账。");
        }
        deposit.ConfirmArrival(Now, currentUser.ActorName());
        await SaveAsync(db, cancellationToken);
        return View(deposit, Now);
    }

    /// <summary>
    /// The clerk refunds a deposit that has arrived: engineering cash deposits with the interest at
    /// <see cref="DepositSettings.CurrentDepositRatePercent"/> (《招标投标法实施条例》第五十七条), procurement cash deposits refunded
    /// after their last day with the late fee at the lending rate plus <see cref="DepositSettings.LateFeeMarkupPercent"/>
    /// (财政部令第87号第三十八条). The deposit's refund duty is done.
    /// </summary>
    public async Task<DepositView> RefundAsync(Guid depositId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.CentreClerk);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (deposit, _) = await ClerkLoadAsync(db, depositId, cancellationToken);
        var now = Now;
        var (interest, lateFee) = RefundExtras(deposit, now);
        deposit.Refund(now, currentUser.ActorName(), interest, lateFee);
        await ItemDuties.CompleteAsync(db, deposit.ProjectId, deposit.DutyKey, now, currentUser.ActorName(), cancellationToken);
        await SaveAsync(db, cancellationToken);
        return View(deposit, now);
    }

    /// <summary>
    /// The clerk forfeits a deposit, with the reason (撤销 after the deadline, 《招标投标法实施条例》第三十五条第二款; the winner
    /// refusing to sign, 第七十四条): only after the lot's bid deadline, and only a deposit that arrived.
    /// </summary>
    public async Task<DepositView> ForfeitAsync(Guid depositId, string reason, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.CentreClerk);
        var text = reason?.Trim() ?? "";
        if (text.Length is < 4 or > 500)
        {
            throw new DomainException("没收投标保证金须写明理由和依据（4至500个字符）。");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (deposit, project) = await ClerkLoadAsync(db, depositId, cancellationToken);
        var deadline = project.Lots.FirstOrDefault(l => l.Number == deposit.LotNumber)?.BidDeadlineUtc;
        if (deadline is null || deadline > Now)
        {
            throw new DomainException($"投标截止时间{(deadline is null ? "尚未确定" : $" {ChinaTime.Format(deadline)} 未到")}：截止前投标人可以撤回投标文件并取回保证金（《招标投标法实施条例》第三十五条），不能没收。");
        }
        deposit.Forfeit(Now, currentUser.ActorName(), text);
        await ItemDuties.CompleteAsync(db, deposit.ProjectId, deposit.DutyKey, Now, currentUser.ActorName(), cancellationToken);
        await SaveAsync(db, cancellationToken);
        return View(deposit, Now);
    }

    // ---------------------------------------------------------------- events of the bid and the project

    /// <summary>
    /// A bid of <paramref name="entityId"/> for the lot was withdrawn before the deadline at <paramref name="withdrawnUtc"/>:
    /// its deposit, if it arrived, is due back within 5 days (工程, 《招标投标法实施条例》第三十五条) or 5 working days (采购,
    /// 财政部令第87号第三十八条). No deposit record, or one not yet arrived: nothing to do. The bidder itself or a clerk.
    /// </summary>
    public async Task BidWithdrawnAsync(Guid projectId, int lotNumber, Guid entityId, DateTime withdrawnUtc, CancellationToken ct = default)
    {
        currentUser.Demand(Roles.Bidder, Roles.CentreClerk);
        if (currentUser.IsInRole(Roles.Bidder) && !currentUser.IsInRole(Roles.CentreClerk) && await OwnEntityAsync(ct) != entityId)
        {
            throw new AccessDeniedException("只能撤回本单位的投标。");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var deposit = await db.Deposits.FirstOrDefaultAsync(d => d.ProjectId == projectId && d.LotNumber == lotNumber && d.EntityId == entityId, ct);
        if (deposit is null)
        {
            return;
        }
        var engineering = deposit.TradeType == TradeType.EngineeringBidding;
        if (await StartRefundAsync(db, deposit, DepositRefundBasis.Withdrawn, ChinaTime.EnsureUtc(withdrawnUtc),
                engineering ? settings.EngineeringWithdrawalDays : settings.ProcurementWithdrawalWorkingDays, !engineering,
                engineering ? "《招标投标法实施条例》第三十五条" : "《政府采购货物和服务招标投标管理办法》（财政部令第87号）第三十八条", ct))
        {
            await SaveAsync(db, ct);
        }
    }

    /// <summary>
    /// The award notice of the lot went out at <paramref name="atUtc"/> naming <paramref name="winnerEntityId"/>: the winner is
    /// marked; in procurement every other deposit is due back within 5 working days (财政部令第87号第三十八条). Engineering
    /// deposits wait for the contract (《招标投标法实施条例》第五十七条).
    /// </summary>
    public async Task AwardNoticeIssuedAsync(Guid projectId, int lotNumber, Guid winnerEntityId, DateTime atUtc, CancellationToken ct = default)
    {
        currentUser.Demand(EventRecorders);
        _ = await projects.FindAsync(projectId, ct) ?? throw new NotFoundException("项目不存在或您无权查看。");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lot = await db.Deposits.Where(d => d.ProjectId == projectId && d.LotNumber == lotNumber).ToListAsync(ct);
        foreach (var deposit in lot)
        {
            if (deposit.EntityId == winnerEntityId)
            {
                deposit.MarkWinner();
            }
            else if (deposit.TradeType == TradeType.GovernmentProcurement)
            {
                await StartRefundAsync(db, deposit, DepositRefundBasis.NotAwarded, ChinaTime.EnsureUtc(atUtc), settings.ProcurementAwardWorkingDays, true,
                    "《政府采购货物和服务招标投标管理办法》（财政部令第87号）第三十八条", ct);
            }
        }
        await SaveAsync(db, ct);
    }

    /// <summary>
    /// The contract of the lot (null: of every lot) was signed at <paramref name="atUtc"/>: every deposit that arrived and
    /// is not yet due back is due within 5 days with interest (工程, 《招标投标法实施条例》第五十七条) or 5 working days
    /// (采购, the winner and anyone not yet refunded, 财政部令第87号第三十八条).
    /// </summary>
    public async Task ContractSignedAsync(Guid projectId, int? lotNumber, DateTime atUtc, CancellationToken ct = default)
    {
        currentUser.Demand(EventRecorders);
        _ = await projects.FindAsync(projectId, ct) ?? throw new NotFoundException("项目不存在或您无权查看。");
        await ContractSignedCoreAsync(projectId, lotNumber, atUtc, ct);
    }

    /// <summary>The part of <see cref="ContractSignedAsync"/> the workflow event runs (the move itself was authorised).</summary>
    internal async Task ContractSignedCoreAsync(Guid projectId, int? lotNumber, DateTime atUtc, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var deposits = await db.Deposits.Where(d => d.ProjectId == projectId && (lotNumber == null || d.LotNumber == lotNumber)).ToListAsync(ct);
        var started = false;
        foreach (var deposit in deposits)
        {
            var engineering = deposit.TradeType == TradeType.EngineeringBidding;
            started |= await StartRefundAsync(db, deposit, DepositRefundBasis.ContractSigned, ChinaTime.EnsureUtc(atUtc),
                engineering ? settings.EngineeringContractDays : settings.ProcurementContractWorkingDays, !engineering,
                engineering ? "《招标投标法实施条例》第五十七条" : "《政府采购货物和服务招标投标管理办法》（财政部令第87号）第三十八条", ct);
        }
        if (started)
        {
            await SaveAsync(db, ct);
        }
    }

    /// <summary>
    /// Each bidder's deposit status on the lot (entity → status), for the opening record (唱标): anyone who may see the
    /// project or its published notice.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, DepositStatus>> StatusByEntityAsync(Guid projectId, int lotNumber, CancellationToken ct = default)
    {
        currentUser.Demand(Roles.CentreClerk, Roles.Supervisor, Roles.Tenderer, Roles.Agent, Roles.Bidder, Roles.Admin);
        _ = await projects.FindPublishedAsync(projectId, ct) ?? throw new NotFoundException("项目不存在或您无权查看。");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Deposits.AsNoTracking().Where(d => d.ProjectId == projectId && d.LotNumber == lotNumber)
            .ToDictionaryAsync(d => d.EntityId, d => d.Status, ct);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Interest (engineering cash, refunded after the contract) and late fee (procurement cash, refunded after the last day).</summary>
    internal (Money Interest, Money LateFee) RefundExtras(Deposit deposit, DateTime refundUtc)
    {
        if (deposit.Method != DepositMethod.BankTransfer)
        {
            return (Money.Zero, Money.Zero); // a guarantee is handed back: no money was held
        }
        var refundDay = ChinaTime.DateOf(refundUtc);
        var interest = Money.Zero;
        if (deposit.TradeType == TradeType.EngineeringBidding && deposit.RefundBasis is DepositRefundBasis.ContractSigned && deposit.ReceivedUtc is { } received)
        {
            // 法规 《招标投标法实施条例》第五十七条: 退还投标保证金及银行同期存款利息.
            interest = Accrue(deposit.Amount, settings.CurrentDepositRatePercent, refundDay.DayNumber - ChinaTime.DateOf(received).DayNumber);
        }
        var lateFee = Money.Zero;
        if (deposit.TradeType == TradeType.GovernmentProcurement && deposit.RefundLastDay is { } last && refundDay > last)
        {
            // 法规 财政部令第87号 第三十八条: 按中国人民银行同期贷款基准利率上浮20%后的利率支付超期资金占用费.
            var rate = settings.LendingRatePercent * (100m + settings.LateFeeMarkupPercent) / 100m;
            lateFee = Accrue(deposit.Amount, rate, refundDay.DayNumber - last.DayNumber);
        }
        return (interest, lateFee);
    }

    private Money Accrue(Money principal, decimal annualPercent, int days) =>
        days <= 0 ? Money.Zero : new Money((long)decimal.Round(principal.Fen * annualPercent / 100m * days / settings.DayCountBasis, MidpointRounding.AwayFromZero));

    private async Task<bool> StartRefundAsync(TradeDbContext db, Deposit deposit, DepositRefundBasis basis, DateTime startedUtc, int days, bool working,
        string legalBasis, CancellationToken ct)
    {
        if (deposit.Status != DepositStatus.Received || deposit.RefundStartedUtc is not null)
        {
            return false;
        }
        var afterEvent = basis switch
        {
            DepositRefundBasis.Withdrawn => Workflows.DutyEvents.BidWithdrawn,
            DepositRefundBasis.NotAwarded => Workflows.DutyEvents.AwardNoticeIssued,
            DepositRefundBasis.ContractSigned => Workflows.DutyEvents.ContractSigned,
        };
        var period = await duties.OpenAsync(db, new ItemDutyRequest(deposit.ProjectId, deposit.LotNumber, deposit.DutyKey,
            $"退还投标保证金（编号{deposit.Number}）", afterEvent, Workflows.DutyEvents.DepositRefunded, days, working, legalBasis, startedUtc), ct);
        return deposit.StartRefund(basis, startedUtc, period.LastDay);
    }

    private async Task<Guid> OwnEntityAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == currentUser.UserId).Select(u => u.MarketEntityId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("您的账户未关联市场主体，不能办理投标保证金。");
    }

    /// <summary>The bidder, its project and lot, checked: type, lot, deposit asked, deadline, ban.</summary>
    private async Task<(ProjectSummary Project, LotSummary Lot, Guid EntityId, string EntityName)> AdmitPayerAsync(Guid projectId, int lotNumber,
        CancellationToken cancellationToken)
    {
        currentUser.Demand(Roles.Bidder);
        var entityId = await OwnEntityAsync(cancellationToken);
        var project = await projects.FindPublishedAsync(projectId, cancellationToken) ?? throw new NotFoundException("项目不存在或未发布公告。");
        if (!Takes(project.TradeType))
        {
            throw new DomainException($"{project.TradeType.Chinese()}项目的保证金不在此办理：这里办理工程建设项目招标和政府采购项目的投标保证金。");
        }
        var lot = project.Lots.FirstOrDefault(l => l.Number == lotNumber) ?? throw new DomainException($"本项目没有第{lotNumber}{LotWord(project.TradeType)}。");
        if (lot.Deposit.Fen <= 0)
        {
            throw new DomainException($"第{lotNumber}{LotWord(project.TradeType)}不要求缴纳投标保证金。");
        }
        if (lot.IsClosed || project.IsClosed)
        {
            throw new DomainException($"第{lotNumber}{LotWord(project.TradeType)}已{lot.CurrentStepName}，不能缴纳投标保证金。");
        }
        if (lot.BidDeadlineUtc is { } deadline && deadline <= Now)
        {
            throw new DomainException($"投标截止时间 {ChinaTime.Format(deadline)} 已过，不能再登记投标保证金。");
        }
        // 联合惩戒: a banned entity cannot bid, so it pays no deposit either.
        var gate = await creditGate.CheckAsync(entityId, project.TradeType, ChinaTime.DateOf(Now), cancellationToken);
        if (!gate.Allowed)
        {
            throw new DomainException($"不能缴纳投标保证金：{gate.Reason}");
        }
        var name = (await entities.GetManyAsync([entityId], cancellationToken)).FirstOrDefault()?.Name ?? throw new DomainException("市场主体不存在。");
        return (project, lot, entityId, name);
    }

    private async Task<Deposit> FindOrAddAsync(TradeDbContext db, ProjectSummary project, LotSummary lot, Guid entityId, string entityName, CancellationToken cancellationToken)
    {
        if (await db.Deposits.FirstOrDefaultAsync(d => d.ProjectId == project.Id && d.LotNumber == lot.Number && d.EntityId == entityId, cancellationToken) is { } existing)
        {
            return existing;
        }
        var deposit = new Deposit(project.Id, lot.Number, entityId, entityName, project.TradeType, lot.Deposit, Now, project.Code, project.Name, lot.Name);
        db.Deposits.Add(deposit);
        return deposit;
    }

    /// <summary>A deposit of a project in the clerk's scope, tracked, with its project.</summary>
    private async Task<(Deposit Deposit, ProjectSummary Project)> ClerkLoadAsync(TradeDbContext db, Guid depositId, CancellationToken cancellationToken)
    {
        var deposit = await db.Deposits.FirstOrDefaultAsync(d => d.Id == depositId, cancellationToken) ?? throw new NotFoundException("保证金记录不存在。");
        var project = await projects.FindAsync(deposit.ProjectId, cancellationToken) ?? throw new NotFoundException("保证金记录不存在。");
        return (deposit, project);
    }

    private static async Task SaveAsync(TradeDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("该保证金已被他人处理，请刷新页面查看最新状态后再操作。");
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
                                           || ex.InnerException?.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new DomainException("该保证金已被他人登记，请刷新页面查看最新状态后再操作。");
        }
    }

    private static bool Takes(TradeType type) => type is TradeType.EngineeringBidding or TradeType.GovernmentProcurement;

    private static string LotWord(TradeType type) => type == TradeType.GovernmentProcurement ? "包" : "标段";

    internal static DepositView View(Deposit d, DateTime nowUtc) =>
        new(d.Id, d.Number, d.ProjectId, d.ProjectCode, d.ProjectName, d.LotNumber, d.LotName, d.EntityId, d.EntityName, d.Amount, d.Method, d.Status,
            Payment(d), d.ReceivedUtc, d.RefundBasis, d.RefundLastDay, d.IsRefundOverdue(nowUtc), d.RefundedUtc, d.Interest, d.LateFee,
            d.ForfeitedUtc, d.ForfeitReason, d.IsWinner);

    private static string Payment(Deposit d) => d.Method switch
    {
        DepositMethod.BankTransfer => $"转账 {d.BankName} {d.PayerAccount}（{d.PayerName}），流水号 {d.Reference}",
        DepositMethod.Guarantee => $"{(d.GuaranteeElectronic ? "电子保函" : "保函")} {d.GuaranteeNumber}（{d.GuaranteeIssuer}，{d.GuaranteeAmount}，有效期至 {(d.GuaranteeValidUntil is { } v ? ChinaTime.FormatDate(v) : "")}）",
        _ => "尚未登记",
    };
}

/// <summary>
/// The bidding module's published read of deposits for other modules: each bidder's deposit status on a lot (the opening
/// record, 唱标, shows it).
/// </summary>
public interface IDepositDirectory
{
    Task<IReadOnlyDictionary<Guid, DepositStatus>> StatusByEntityAsync(Guid projectId, int lotNumber, CancellationToken ct = default);
}
