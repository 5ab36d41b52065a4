using NingxiaTrade.Domain.Bidding;

namespace NingxiaTrade.Workbench.Infrastructure;

/// <summary>
/// Uploaded files kept on disk under the data folder (<c>Database:DataFolder</c>, App_Data by default), each named by a new
/// GUID so an upload's own name never reaches the file system.
/// </summary>
public static class StoredFiles
{
    /// <summary>The folder <paramref name="name"/> under the data folder.</summary>
    public static string Folder(IConfiguration configuration, IHostEnvironment environment, string name)
    {
        var root = configuration["Database:DataFolder"];
        root = string.IsNullOrWhiteSpace(root) ? Path.Combine(environment.ContentRootPath, "App_Data") : Path.GetFullPath(root, environment.ContentRootPath);
        return Path.Combine(root, name);
    }

    /// <summary>A new stored name with the upload's extension (the rule of <see cref="FileSystemDocumentStore.NewName"/>).</summary>
    public static string NewName(string extension) => FileSystemDocumentStore.NewName(extension);

    /// <summary>The stored file in <paramref name="folder"/>, or null when the name is not one <see cref="NewName"/> made or the file is gone.</summary>
    public static string? PathOf(string folder, string stored) => FileSystemDocumentStore.PathIn(folder, stored);
}
