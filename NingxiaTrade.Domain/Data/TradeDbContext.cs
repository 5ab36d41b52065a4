using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.ApiKeys;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Rules;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Domain.Data;

/// <summary>
/// The one database of the platform: Identity's tables and every module's. Provider-neutral; the
/// <see cref="SqliteTradeDbContext"/> and <see cref="SqlServerTradeDbContext"/> subclasses carry one
/// migration set each.
/// </summary>
public abstract class TradeDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>Who the audit log records for changes saved through this context.</summary>
    public IAuditActor? Actor { get; set; }

    internal bool IsAppendingAudit { get; set; }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditAnchor> AuditAnchors => Set<AuditAnchor>();
    public DbSet<AuditReconciliation> AuditReconciliations => Set<AuditReconciliation>();
    public DbSet<SignInEvent> SignInEvents => Set<SignInEvent>();
    public DbSet<TradingCentre> TradingCentres => Set<TradingCentre>();
    public DbSet<SupervisingDepartment> SupervisingDepartments => Set<SupervisingDepartment>();
    public DbSet<HolidayDate> HolidayDates => Set<HolidayDate>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;
    public DbSet<WorkflowDefinition> WorkflowDefinitions => Set<WorkflowDefinition>();
    public DbSet<TradeProject> TradeProjects => Set<TradeProject>();
    public DbSet<Lot> Lots => Set<Lot>();
    public DbSet<ProjectStepRecord> ProjectSteps => Set<ProjectStepRecord>();
    public DbSet<ApprovalRequest> ApprovalRequests => Set<ApprovalRequest>();
    public DbSet<MarketEntity> MarketEntities => Set<MarketEntity>();
    public DbSet<MarketEntityChange> MarketEntityChanges => Set<MarketEntityChange>();
    public DbSet<MarketEntityReview> MarketEntityReviews => Set<MarketEntityReview>();
    public DbSet<ElectronicSeal> ElectronicSeals => Set<ElectronicSeal>();
    public DbSet<SignatureRecord> SignatureRecords => Set<SignatureRecord>();
    public DbSet<Bidding.TenderDocument> TenderDocuments => Set<Bidding.TenderDocument>();
    public DbSet<Bidding.TenderDocumentDownload> TenderDocumentDownloads => Set<Bidding.TenderDocumentDownload>();
    public DbSet<Bidding.Deposit> Deposits => Set<Bidding.Deposit>();
    public DbSet<Bidding.BidQuestion> BidQuestions => Set<Bidding.BidQuestion>();
    public DbSet<Bidding.Amendment> Amendments => Set<Bidding.Amendment>();
    public DbSet<CreditRecord> CreditRecords => Set<CreditRecord>();
    public DbSet<MarketBan> MarketBans => Set<MarketBan>();
    public DbSet<CreditRepairRequest> CreditRepairRequests => Set<CreditRepairRequest>();
    public DbSet<Rule> Rules => Set<Rule>();
    public DbSet<RuleReview> RuleReviews => Set<RuleReview>();
    public DbSet<LegalityReview> LegalityReviews => Set<LegalityReview>();
    public DbSet<CommentPeriod> CommentPeriods => Set<CommentPeriod>();
    public DbSet<PublicComment> PublicComments => Set<PublicComment>();
    public DbSet<CatalogueVersion> CatalogueVersions => Set<CatalogueVersion>();
    public DbSet<CatalogueEntry> CatalogueEntries => Set<CatalogueEntry>();
    public DbSet<DocumentTemplate> DocumentTemplates => Set<DocumentTemplate>();
    public DbSet<Specialty> Specialties => Set<Specialty>();
    public DbSet<Expert> Experts => Set<Expert>();
    public DbSet<ExpertSpecialty> ExpertSpecialties => Set<ExpertSpecialty>();
    public DbSet<ExpertLeave> ExpertLeaves => Set<ExpertLeave>();
    public DbSet<ExpertConflict> ExpertConflicts => Set<ExpertConflict>();
    public DbSet<ExpertEmployment> ExpertEmployments => Set<ExpertEmployment>();
    public DbSet<ExpertDraw> ExpertDraws => Set<ExpertDraw>();
    public DbSet<DrawGroup> DrawGroups => Set<DrawGroup>();
    public DbSet<DrawMember> DrawMembers => Set<DrawMember>();
    public DbSet<ExpertDrawView> ExpertDrawViews => Set<ExpertDrawView>();
    public DbSet<ExpertAssessment> ExpertAssessments => Set<ExpertAssessment>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
    // Sealed bids and openings (bidding module)
    public DbSet<Bidding.SealedBid> SealedBids => Set<Bidding.SealedBid>();
    public DbSet<Bidding.SealedBidFile> SealedBidFiles => Set<Bidding.SealedBidFile>();
    public DbSet<Bidding.BidOpening> BidOpenings => Set<Bidding.BidOpening>();
    public DbSet<Bidding.OpeningEntry> OpeningEntries => Set<Bidding.OpeningEntry>();
    public DbSet<Bidding.EscrowRequest> EscrowRequests => Set<Bidding.EscrowRequest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TradeDbContext).Assembly, t => !t.IsAbstract);
        SecretModel.ApplySecretAttributes(builder);
    }
}

public sealed class SqliteTradeDbContext(DbContextOptions<SqliteTradeDbContext> options) : TradeDbContext(options);

public sealed class SqlServerTradeDbContext(DbContextOptions<SqlServerTradeDbContext> options) : TradeDbContext(options);
