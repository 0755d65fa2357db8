using Npgsql;

namespace Rsspot.Postgres;

/// <summary>Describes a connection string for people (host, port, database, user) without its password.</summary>
internal static class PostgresConnectionText
{
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "postgresql://(unreadable connection string)";
        }
    }

    /// <summary>The password of the connection string, to strip from any text that might quote it.</summary>
    public static string? Password(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Password;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Removes the password from <paramref name="text"/>.</summary>
    public static string Redact(string text, string? password) =>
        string.IsNullOrEmpty(password) ? text : text.Replace(password, "***", StringComparison.Ordinal);
}
