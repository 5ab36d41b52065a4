using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NingxiaTrade.Domain.Audit;

/// <summary>
/// One link of the hash-chained audit log. <see cref="Sequence"/> is the primary key, so two writers
/// cannot both append entry n: the loser's insert fails and it retries on the new tail.
/// </summary>
public class AuditEntry
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public long Sequence { get; set; }
    public DateTime TimestampUtc { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Role { get; set; }
    /// <summary>新增 / 修改 / 删除, stored as Added / Modified / Deleted.</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";
    /// <summary>JSON of the changed values (old and new for a modification).</summary>
    public string Changes { get; set; } = "";
    public string PreviousHash { get; set; } = GenesisHash;
    public string Hash { get; set; } = "";

    /// <summary>SHA-256 over every field of the entry and the previous hash, hex lower-case.</summary>
    public string ComputeHash()
    {
        var text = string.Join('\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(TimestampUtc, DateTimeKind.Utc).Ticks.ToString(CultureInfo.InvariantCulture),
            UserId ?? "",
            UserName ?? "",
            Role ?? "",
            Action,
            EntityType,
            EntityKey,
            Changes,
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Chinese name of an entity type for the audit screen (see <see cref="AuditDisplayNames"/>).</summary>
    public static string EntityTypeChinese(string entityType) => AuditDisplayNames.EntityType(entityType);

    public static string ActionChinese(string action) => action switch
    {
        "Added" => "新增",
        "Modified" => "修改",
        "Deleted" => "删除",
        _ => action,
    };
}
