using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Experts;

/// <summary>Where an expert stands in the pool. Only <see cref="Active"/> (在库) experts are drawn when the availability rule is on.</summary>
public enum ExpertStatus
{
    /// <summary>申请待审核: applied on line, not yet in the pool.</summary>
    Pending = 0,
    Active = 1,
    Suspended = 2,
    Removed = 3,
    /// <summary>申请未通过.</summary>
    Rejected = 4,
}

public static class ExpertNames
{
    public static string Chinese(this ExpertStatus status) => status switch
    {
        ExpertStatus.Pending => "待审核",
        ExpertStatus.Active => "在库",
        ExpertStatus.Suspended => "暂停",
        ExpertStatus.Removed => "清退",
        ExpertStatus.Rejected => "未通过",
    };
}

/// <summary>
/// 评标评审专家: one pool for the region and its cities (实施方案 四(五)1). The employer is a registered market entity
/// where one exists (<see cref="EmployerEntityId"/>), otherwise only a name.
/// </summary>
public class Expert
{
    /// <summary>Credit score a new expert starts with; assessments move it (see <see cref="ExpertAssessment"/>).</summary>
    public const int InitialCreditScore = 100;

    private readonly List<ExpertSpecialty> _specialties = [];
    private readonly List<ExpertLeave> _leaves = [];
    private readonly List<ExpertTraining> _trainings = [];
    private readonly List<ExpertConflict> _conflicts = [];
    private readonly List<ExpertEmployment> _employments = [];

    private Expert() { }

    public Expert(ExpertProfile profile, ExpertStatus status, DateTime createdUtc, Guid? id = null)
    {
        Id = id ?? Guid.NewGuid();
        Status = status;
        CreatedUtc = createdUtc;
        CreditScore = InitialCreditScore;
        Edit(profile);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public IdNumber IdNumber { get; private set; }
    /// <summary>职称, e.g. 高级工程师.</summary>
    public string Title { get; private set; } = "";
    public Guid? EmployerEntityId { get; private set; }
    public string EmployerName { get; private set; } = "";
    /// <summary>GB/T 2260 code of the city the expert lives and works in.</summary>
    public string RegionCode { get; private set; } = Regions.Ningxia;
    public string? Phone { get; private set; }
    public ExpertStatus Status { get; private set; }
    public int CreditScore { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    /// <summary>The account that applied on line (or was linked later), if any.</summary>
    public string? UserId { get; private set; }
    public string? ReviewNote { get; private set; }
    public int Revision { get; private set; }

    public IReadOnlyList<ExpertSpecialty> Specialties => _specialties;
    public IReadOnlyList<ExpertLeave> Leaves => _leaves;
    public IReadOnlyList<ExpertTraining> Trainings => _trainings;
    public IReadOnlyList<ExpertConflict> Conflicts => _conflicts;
    /// <summary>任职经历: past and present employers with dates, compared with the suppliers of a procurement draw.</summary>
    public IReadOnlyList<ExpertEmployment> Employments => _employments;

    public void Edit(ExpertProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = Check(profile);
        if (errors.Count > 0)
        {
            throw new FormValidationException(errors);
        }
        var name = profile.Name.Trim();
        var id = Common.IdNumber.Parse(profile.IdNumber);
        var title = profile.Title.Trim();
        var employer = profile.EmployerName.Trim();
        var codes = Codes(profile);
        Name = name;
        IdNumber = id;
        Title = title;
        EmployerName = employer;
        EmployerEntityId = profile.EmployerEntityId;
        RegionCode = profile.RegionCode;
        Phone = string.IsNullOrWhiteSpace(profile.Phone) ? null : profile.Phone.Trim();
        _specialties.RemoveAll(s => !codes.Contains(s.Code));
        foreach (var code in codes.Where(c => _specialties.All(s => s.Code != c)))
        {
            _specialties.Add(new ExpertSpecialty(Id, code));
        }
        Revision++;
    }

    public void LinkAccount(string userId) => UserId = userId;

    public void Approve(string? note)
    {
        if (Status != ExpertStatus.Pending)
        {
            throw new DomainException($"该专家当前状态为“{Status.Chinese()}”，不在待审核状态。");
        }
        Status = ExpertStatus.Active;
        ReviewNote = note;
    }

    public void Reject(string note)
    {
        if (Status != ExpertStatus.Pending)
        {
            throw new DomainException($"该专家当前状态为“{Status.Chinese()}”，不在待审核状态。");
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("请填写不予入库的理由。");
        }
        Status = ExpertStatus.Rejected;
        ReviewNote = note.Trim();
    }

    /// <summary>暂停 / 恢复 / 清退 of an expert already in the pool.</summary>
    public void ChangeStatus(ExpertStatus status, string reason)
    {
        if (Status is ExpertStatus.Pending or ExpertStatus.Rejected or ExpertStatus.Removed)
        {
            throw new DomainException($"该专家当前状态为“{Status.Chinese()}”，不能变更为“{status.Chinese()}”。");
        }
        if (status is not (ExpertStatus.Active or ExpertStatus.Suspended or ExpertStatus.Removed))
        {
            throw new DomainException("只能变更为在库、暂停或清退。");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写变更理由。");
        }
        Status = status;
        ReviewNote = reason.Trim();
        Revision++;
    }

    public void AddLeave(DateTime fromUtc, DateTime toUtc, string? reason)
    {
        if (toUtc <= fromUtc)
        {
            throw new DomainException("请假结束时间应晚于开始时间。");
        }
        _leaves.Add(new ExpertLeave(Id, fromUtc, toUtc, reason));
    }

    public void AddTraining(DateOnly date, string course, int hours)
    {
        if (string.IsNullOrWhiteSpace(course) || hours <= 0)
        {
            throw new DomainException("请填写培训课程和学时。");
        }
        _trainings.Add(new ExpertTraining(Id, date, course.Trim(), hours));
    }

    /// <summary>An entity the expert declares they must never evaluate (亲属任职、经济利益等).</summary>
    public void DeclareConflict(Guid entityId, string? note)
    {
        if (_conflicts.Any(c => c.EntityId == entityId))
        {
            return;
        }
        _conflicts.Add(new ExpertConflict(Id, entityId, note));
    }

    /// <summary>Records one employment (任职经历); an entry that overlaps an identical employer's period is refused.</summary>
    public ExpertEmployment AddEmployment(EmploymentForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var name = form.EmployerName?.Trim() ?? "";
        if (name.Length is < 2 or > 200)
        {
            throw new DomainException("请填写任职单位名称（2至200个字符）。");
        }
        string? code = null;
        if (!string.IsNullOrWhiteSpace(form.CreditCode))
        {
            if (!CreditCode.TryParse(form.CreditCode, out var parsed, out var error))
            {
                throw new DomainException($"任职单位的统一社会信用代码有误：{error}");
            }
            code = parsed.Value;
        }
        if (form.To is { } to && to < form.From)
        {
            throw new DomainException("任职结束日期不能早于开始日期。");
        }
        if (_employments.Count >= 50)
        {
            throw new DomainException("任职经历最多登记50条。");
        }
        if (_employments.Any(e => RecusalFacts.NormaliseName(e.EmployerName) == RecusalFacts.NormaliseName(name)
            && e.From <= (form.To ?? DateOnly.MaxValue) && form.From <= (e.To ?? DateOnly.MaxValue)))
        {
            throw new DomainException($"在“{name}”的任职经历与已登记的时间段重叠。");
        }
        var employment = new ExpertEmployment(Id, name, code, form.From, form.To);
        _employments.Add(employment);
        Revision++;
        return employment;
    }

    public void RemoveEmployment(int employmentId)
    {
        var employment = _employments.SingleOrDefault(e => e.Id == employmentId) ?? throw new DomainException("未找到该任职经历。");
        _employments.Remove(employment);
        Revision++;
    }

    /// <summary>Moves the credit score (assessments, sanctions), kept between 0 and 100.</summary>
    public void AdjustCredit(int points) => CreditScore = Math.Clamp(CreditScore + points, 0, 100);

    internal void Suspend(string reason)
    {
        if (Status == ExpertStatus.Active)
        {
            Status = ExpertStatus.Suspended;
            ReviewNote = reason;
            Revision++;
        }
    }

    /// <summary>
    /// Every rule of an expert's profile, all checked at once, each error named by its <see cref="ExpertProfile"/> field,
    /// so an application form marks every wrong field together instead of one per attempt.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(ExpertProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = new FormErrors();
        if ((profile.Name?.Trim().Length ?? 0) is < 2 or > 50)
        {
            errors.Add(nameof(ExpertProfile.Name), "专家姓名应为2至50个字符。");
        }
        if (Common.IdNumber.Validate(profile.IdNumber) is { } error)
        {
            errors.Add(nameof(ExpertProfile.IdNumber), error);
        }
        if ((profile.Title?.Trim().Length ?? 0) is < 2 or > 50)
        {
            errors.Add(nameof(ExpertProfile.Title), "请填写职称（2至50个字符）。");
        }
        if ((profile.EmployerName?.Trim().Length ?? 0) is < 2 or > 200)
        {
            errors.Add(nameof(ExpertProfile.EmployerName), "请填写工作单位（2至200个字符）。");
        }
        if (profile.RegionCode is null || !Regions.IsKnown(profile.RegionCode) || profile.RegionCode == Regions.Ningxia)
        {
            errors.Add(nameof(ExpertProfile.RegionCode), "请选择专家所在的地级市。");
        }
        if (Codes(profile).Count == 0)
        {
            errors.Add(nameof(ExpertProfile.SpecialtyCodes), "至少选择一个评标专业。");
        }
        return errors.All;
    }

    private static List<string> Codes(ExpertProfile profile) =>
        (profile.SpecialtyCodes ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
}

/// <summary>What an application, an import row or a clerk's edit gives for an expert.</summary>
public sealed record ExpertProfile(
    string Name,
    string IdNumber,
    string Title,
    string EmployerName,
    Guid? EmployerEntityId,
    string RegionCode,
    IReadOnlyList<string> SpecialtyCodes,
    string? Phone = null);

public sealed class ExpertSpecialty
{
    private ExpertSpecialty() { }

    internal ExpertSpecialty(Guid expertId, string code)
    {
        ExpertId = expertId;
        Code = code;
    }

    public Guid ExpertId { get; private set; }
    public string Code { get; private set; } = "";
}

/// <summary>A period the expert cannot evaluate (请假).</summary>
public sealed class ExpertLeave
{
    private ExpertLeave() { }

    internal ExpertLeave(Guid expertId, DateTime fromUtc, DateTime toUtc, string? reason)
    {
        ExpertId = expertId;
        FromUtc = fromUtc;
        ToUtc = toUtc;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    public int Id { get; private set; }
    public Guid ExpertId { get; private set; }
    public DateTime FromUtc { get; private set; }
    public DateTime ToUtc { get; private set; }
    public string? Reason { get; private set; }
}

public sealed class ExpertTraining
{
    private ExpertTraining() { }

    internal ExpertTraining(Guid expertId, DateOnly date, string course, int hours)
    {
        ExpertId = expertId;
        Date = date;
        Course = course;
        Hours = hours;
    }

    public int Id { get; private set; }
    public Guid ExpertId { get; private set; }
    public DateOnly Date { get; private set; }
    public string Course { get; private set; } = "";
    public int Hours { get; private set; }
}

/// <summary>A market entity the expert must never evaluate.</summary>
public sealed class ExpertConflict
{
    private ExpertConflict() { }

    internal ExpertConflict(Guid expertId, Guid entityId, string? note)
    {
        ExpertId = expertId;
        EntityId = entityId;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public int Id { get; private set; }
    public Guid ExpertId { get; private set; }
    public Guid EntityId { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>An employment entry as a form gives it; <see cref="To"/> null while the expert still works there.</summary>
public sealed record EmploymentForm(string EmployerName, string? CreditCode, DateOnly From, DateOnly? To);

/// <summary>One employer of the expert's history (任职经历), with dates.</summary>
public sealed class ExpertEmployment
{
    private ExpertEmployment() { }

    internal ExpertEmployment(Guid expertId, string employerName, string? creditCode, DateOnly from, DateOnly? to)
    {
        ExpertId = expertId;
        EmployerName = employerName;
        CreditCode = creditCode;
        From = from;
        To = to;
    }

    public int Id { get; private set; }
    public Guid ExpertId { get; private set; }
    public string EmployerName { get; private set; } = "";
    /// <summary>统一社会信用代码 of the employer, when given.</summary>
    public string? CreditCode { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }

    /// <summary>The period as people read it: 2019-03-01 至 2023-06-30, or 至今.</summary>
    public string Period => $"{ChinaTime.FormatDate(From)} 至 {(To is { } to ? ChinaTime.FormatDate(to) : "今")}";
}

/// <summary>专业分类 (发改法规〔2018〕316号): codes are hierarchical by prefix (A → A03 → A0301).</summary>
public class Specialty
{
    private Specialty() { }

    public Specialty(string code, string name, string? parentCode)
    {
        code = code?.Trim().ToUpperInvariant() ?? "";
        if (code.Length is < 1 or > 20 || !code.All(char.IsAsciiLetterOrDigit))
        {
            throw new DomainException($"专业代码“{code}”格式错误。");
        }
        if (parentCode is not null && !code.StartsWith(parentCode, StringComparison.Ordinal))
        {
            throw new DomainException($"专业代码“{code}”应以上级代码“{parentCode}”开头。");
        }
        Code = code;
        ParentCode = string.IsNullOrWhiteSpace(parentCode) ? null : parentCode;
        Rename(name);
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? ParentCode { get; private set; }
    public int Level => ParentCode is null ? 1 : Code.Length <= 3 ? 2 : 3;

    /// <summary>
    /// Specialties as people read them: the name with its code in brackets (房屋建筑（A0301）), joined with 、; a code
    /// missing from <paramref name="names"/> stays a bare code.
    /// </summary>
    public static string Labels(IEnumerable<string> codes, IReadOnlyDictionary<string, string> names) =>
        string.Join("、", codes.Order(StringComparer.Ordinal).Select(c => names.TryGetValue(c, out var name) ? $"{name}（{c}）" : c));

    public void Rename(string name)
    {
        name = name?.Trim() ?? "";
        if (name.Length is < 2 or > 100)
        {
            throw new DomainException("专业名称应为2至100个字符。");
        }
        Name = name;
    }
}
