"""Connection, parameters and small helpers shared by the notebooks in this folder.

The notebooks read the result tables (keyspace RIDES_STATS_KEYSPACE, default
``ride_stats``) the way the app does: one partition per query, by key, never a
table scan. Connection settings are the jobs' own (CONTRACT.md section 6):

    RIDES_CASSANDRA_HOSTS           host:port,... (default 127.0.0.1:9042)
    RIDES_CASSANDRA_LOCAL_DC        data centre to read in (default datacenter1)
    RIDES_CASSANDRA_USERNAME        role for password authentication
    RIDES_CASSANDRA_PASSWORD        its password, or
    RIDES_CASSANDRA_PASSWORD_FILE   a file holding it (the password wins when both are set)
    RIDES_RAW_KEYSPACE              raw keyspace (default rides; only riders are read, by key)
    RIDES_STATS_KEYSPACE            result keyspace (default ride_stats)

Notebook parameters (all optional):

    RIDES_NOTEBOOK_DATE    last day shown, YYYY-MM-DD (default: the last day nightly processed)
    RIDES_NOTEBOOK_DAYS    number of days shown, ending on that date (default 30)
    RIDES_NOTEBOOK_USER    rider (user_id) of rider_history (default: see default_rider)
    RIDES_NOTEBOOK_WINDOW  trending window of class_popularity (default 7)
    RIDES_NOTEBOOK_JOB     job of data_quality (default nightly)
    RIDES_NOTEBOOK_RUNS    number of latest runs data_quality shows (default 30)
    RIDES_NOTEBOOK_WORKOUT ride (workout_id) of ride_samples (default: the day's ride with the most output)
    RIDES_LAUNCHER         the launcher run_sql_file runs (default <repo>/scripts/rides)

A password is never printed: ``Settings`` shows it as ****.
"""

import datetime as _dt
import os
import re
import subprocess
import time
import uuid as _uuid
from dataclasses import dataclass, field
from typing import Optional

import pandas as pd
from cassandra import ConsistencyLevel
from cassandra.auth import PlainTextAuthProvider
from cassandra.cluster import EXEC_PROFILE_DEFAULT, Cluster, ExecutionProfile
from cassandra.concurrent import execute_concurrent_with_args
from cassandra.policies import DCAwareRoundRobinPolicy, TokenAwarePolicy
from cassandra.query import dict_factory
from cassandra.util import Date, OrderedMapSerializedKey, SortedSet

NOTEBOOKS = os.path.dirname(os.path.abspath(__file__))
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,47}$")


class SettingsError(ValueError):
    """A bad setting in the environment; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    hosts: tuple                      # ((host, port), ...)
    local_dc: str = "datacenter1"
    username: Optional[str] = None
    password: Optional[str] = field(default=None, repr=False)
    raw_keyspace: str = "rides"
    stats_keyspace: str = "ride_stats"

    @classmethod
    def from_environment(cls, env=None):
        env = os.environ if env is None else env
        hosts = tuple(_host_port(h) for h in (env.get("RIDES_CASSANDRA_HOSTS") or "127.0.0.1:9042").split(",")
                      if h.strip())
        if not hosts:
            raise SettingsError("RIDES_CASSANDRA_HOSTS names no host")
        password = _blank_to_none(env.get("RIDES_CASSANDRA_PASSWORD"))
        password_file = _blank_to_none(env.get("RIDES_CASSANDRA_PASSWORD_FILE"))
        if password is None and password_file is not None:
            try:
                with open(password_file, encoding="utf-8") as f:
                    password = f.read().strip()
            except OSError as e:
                raise SettingsError(f"cannot read RIDES_CASSANDRA_PASSWORD_FILE {password_file}: "
                                    f"{type(e).__name__}") from None
        return cls(hosts=hosts,
                   local_dc=_blank_to_none(env.get("RIDES_CASSANDRA_LOCAL_DC")) or "datacenter1",
                   username=_blank_to_none(env.get("RIDES_CASSANDRA_USERNAME")),
                   password=password,
                   raw_keyspace=_keyspace(env, "RIDES_RAW_KEYSPACE", "rides"),
                   stats_keyspace=_keyspace(env, "RIDES_STATS_KEYSPACE", "ride_stats"))

    def describe(self):
        hosts = ",".join(f"{h}:{p}" for h, p in self.hosts)
        who = f", user {self.username} (password ****)" if self.username else ""
        return f"Cassandra {hosts} (dc {self.local_dc}{who}), results in keyspace {self.stats_keyspace}"


def _blank_to_none(value):
    return None if value is None or not value.strip() else value.strip()


def _host_port(text):
    s = text.strip()
    host, sep, port = s.rpartition(":")
    if not sep:
        return s, 9042
    if not host or not port.isdigit() or not 1 <= int(port) <= 65535:
        raise SettingsError(f"bad Cassandra host '{s}' in RIDES_CASSANDRA_HOSTS (want host:port)")
    return host, int(port)


def _keyspace(env, name, default):
    value = _blank_to_none(env.get(name)) or default
    if not _IDENTIFIER.match(value):
        raise SettingsError(f"{name}={value!r} is not a keyspace name")
    return value


# ---------------------------------------------------------------- parameters

def env_int(name, default, minimum=1, maximum=10_000):
    value = _blank_to_none(os.environ.get(name))
    if value is None:
        return default
    try:
        n = int(value)
    except ValueError:
        raise SettingsError(f"{name}={value!r} is not a whole number") from None
    if not minimum <= n <= maximum:
        raise SettingsError(f"{name}={n} must be in {minimum}..{maximum}")
    return n


def env_date(name):
    value = _blank_to_none(os.environ.get(name))
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise SettingsError(f"{name}={value!r} is not a date (YYYY-MM-DD)") from None


def env_uuid(name):
    value = _blank_to_none(os.environ.get(name))
    if value is None:
        return None
    try:
        return _uuid.UUID(value)
    except ValueError:
        raise SettingsError(f"{name}={value!r} is not a UUID") from None


def env_text(name, default):
    return _blank_to_none(os.environ.get(name)) or default


def end_date(stats):
    """The last day a notebook shows, and where it comes from: RIDES_NOTEBOOK_DATE, else
    the last day the nightly job processed, else today (UTC) when nothing was processed."""
    day = env_date("RIDES_NOTEBOOK_DATE")
    if day is not None:
        return day, "RIDES_NOTEBOOK_DATE"
    day = stats.last_processed_day()
    if day is not None:
        return day, "the last day processed"
    return _dt.datetime.now(_dt.timezone.utc).date(), "today: nothing processed yet"


def days_ending(end, days):
    """The ``days`` dates ending on ``end``, oldest first."""
    return [end - _dt.timedelta(days=i) for i in range(days - 1, -1, -1)]


def day_start(day):
    """Midnight UTC of a date, as the driver expects a timestamp (naive datetimes are UTC)."""
    return _dt.datetime(day.year, day.month, day.day)


# ---------------------------------------------------------------- reading

class Stats:
    """A driver session on the result keyspace; queries come back as pandas DataFrames."""

    def __init__(self, settings, cluster, session):
        self.settings = settings
        self.keyspace = settings.stats_keyspace
        self._cluster = cluster
        self._session = session
        self._prepared = {}

    def query(self, cql, params=(), columns=None):
        """Runs one CQL statement ({ks} = the result keyspace, {raw} = the raw keyspace,
        ? = bound values) and returns its rows; ``columns`` names the frame's columns
        when there are no rows."""
        statement = self._prepare(cql)
        rows = [_plain(r) for r in self._session.execute(statement, list(params))]
        return _frame(rows, columns or _result_columns(statement))

    def query_each(self, cql, params_list, columns=None):
        """Runs one statement once per parameter tuple (each a single-partition read),
        concurrently, and concatenates the rows."""
        statement = self._prepare(cql)
        rows = []
        for ok, result in execute_concurrent_with_args(self._session, statement, [list(p) for p in params_list],
                                                       concurrency=16, raise_on_first_error=True):
            rows.extend(_plain(r) for r in result)
        return _frame(rows, columns or _result_columns(statement))

    def _prepare(self, cql):
        text = cql.format(ks=self.keyspace, raw=self.settings.raw_keyspace)
        if text not in self._prepared:
            self._prepared[text] = self._session.prepare(text)
        return self._prepared[text]

    # -- answers several notebooks need

    def last_processed_day(self):
        """The last day the nightly job processed (table processed_days, one partition);
        else the newest trending snapshot; else None when nothing was processed."""
        days = self.query("SELECT day FROM {ks}.processed_days WHERE job = 'nightly'")
        if len(days):
            return max(days["day"])
        newest = self.query("SELECT as_of FROM {ks}.trending_classes WHERE window_days = 7 LIMIT 1")
        return newest["as_of"].iloc[0] if len(newest) else None

    def default_rider(self):
        """The rider a notebook shows when RIDES_NOTEBOOK_USER is not set: the leader (rank 1)
        of the most-taken class's leaderboard. Two single-partition reads (top_classes
        'most_taken' rank 1, then that class's class_leaderboard rank 1); no scan, so it
        stays cheap on any amount of data. Returns (user_id, username, why) or None."""
        top = self.query("SELECT class_id, title FROM {ks}.top_classes WHERE metric = 'most_taken' LIMIT 1")
        if not len(top):
            return None
        cls = top.iloc[0]
        leader = self.query("SELECT user_id, username FROM {ks}.class_leaderboard WHERE class_id = ? LIMIT 1",
                            [cls["class_id"]])
        if not len(leader):
            return None
        row = leader.iloc[0]
        return row["user_id"], row["username"], f"leader of the most-taken class '{cls['title']}'"

    def username(self, user_id):
        """The rider's username from the raw riders table (by key), or None when unknown
        or when the raw keyspace is not readable."""
        try:
            found = self.query("SELECT username FROM {raw}.riders WHERE user_id = ?", [user_id])
        except Exception:  # raw keyspace absent or not granted: the name is only a label
            return None
        return found["username"].iloc[0] if len(found) else None

    def close(self):
        self._cluster.shutdown()


def connect(settings=None):
    """Opens a session with the environment's settings (or the given ones)."""
    settings = settings or Settings.from_environment()
    profile = ExecutionProfile(
        load_balancing_policy=TokenAwarePolicy(DCAwareRoundRobinPolicy(local_dc=settings.local_dc)),
        consistency_level=ConsistencyLevel.LOCAL_QUORUM,
        request_timeout=30,
        row_factory=dict_factory)
    auth = PlainTextAuthProvider(settings.username, settings.password or "") if settings.username else None
    cluster = Cluster(contact_points=list(settings.hosts), execution_profiles={EXEC_PROFILE_DEFAULT: profile},
                      auth_provider=auth, connect_timeout=10)
    try:
        session = cluster.connect()
    except Exception as e:
        cluster.shutdown()
        hosts = ",".join(f"{h}:{p}" for h, p in settings.hosts)
        raise ConnectionError(f"cannot connect to Cassandra at {hosts}: {type(e).__name__}: "
                              f"{str(e).splitlines()[0] if str(e) else ''} "
                              "(check RIDES_CASSANDRA_HOSTS, RIDES_CASSANDRA_LOCAL_DC and the credentials)") from None
    if settings.stats_keyspace not in cluster.metadata.keyspaces:
        cluster.shutdown()
        raise LookupError(f"keyspace {settings.stats_keyspace} does not exist: run `scripts/rides schema` "
                          "and a nightly first, or set RIDES_STATS_KEYSPACE")
    return Stats(settings, cluster, session)


def _plain(row):
    """Driver values as plain Python: dates as datetime.date, maps as dict, sets as set."""
    out = {}
    for k, v in row.items():
        if isinstance(v, Date):
            v = v.date()
        elif isinstance(v, OrderedMapSerializedKey):
            v = dict(v)
        elif isinstance(v, SortedSet):
            v = set(v)
        out[k] = v
    return out


def _result_columns(statement):
    return [c[2] for c in statement.result_metadata or []]


def _frame(rows, columns):
    return pd.DataFrame(rows) if rows else pd.DataFrame(columns=columns)


# ---------------------------------------------------------------- presentation

def empty(frame, message):
    """True (after printing ``message``) when the frame has no rows: a notebook cell then
    skips its chart instead of failing on an empty table."""
    if frame is None or len(frame) == 0:
        print(f"No data: {message}")
        return True
    return False


def short(user_or_class_id):
    """The first 8 hex digits of an id, for chart labels."""
    return str(user_or_class_id)[:8]


# ---------------------------------------------------------------- raw data through Spark

class LauncherError(RuntimeError):
    """scripts/rides failed; the message is its one-line reason."""


def run_sql_file(sql_file, params, folder):
    """Runs ``scripts/rides sql -f sql_file --param k=v ...`` in ``folder`` (where the
    file's relative \\out paths land), with this process's environment (the RIDES_*
    connection variables are the launcher's too). Returns the seconds it took."""
    launcher = _blank_to_none(os.environ.get("RIDES_LAUNCHER")) or os.path.join(
        os.path.dirname(NOTEBOOKS), "scripts", "rides")
    command = [launcher, "sql", "-f", os.path.abspath(sql_file)]
    for name, value in params.items():
        command += ["--param", f"{name}={value}"]
    started = time.monotonic()
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    if done.returncode != 0:
        lines = [l for l in done.stderr.splitlines() if l.strip()]
        raise LauncherError(lines[-1] if lines else f"{launcher} exited {done.returncode}")
    return time.monotonic() - started

