"""A controllable TCP proxy for fault tests: app ⇄ 127.0.0.1:<port> ⇄ PostgreSQL.

asyncio in a background thread. A test can `cut()` (close every connection, refuse new ones),
`stall()` (keep connections but forward nothing), `lose_answer_after(b"COMMIT")` (forward the
statement, swallow the server's answer, then drop the connection: the commit happened but the
client never hears of it) and `restore()`. The shared server is never touched.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from concurrent.futures import Future


class FaultProxy:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.mode = "open"  # open | cut | stall
        self.port = 0
        self.connections_seen = 0
        self._lose_after: bytes | None = None
        self.answers_lost = 0
        self._loop = asyncio.new_event_loop()
        self._pairs: set[tuple[asyncio.StreamWriter, asyncio.StreamWriter]] = set()
        # Every connection's writer from the moment it is accepted or opened: stop() closes them all, even
        # one whose handler never ran, so no socket is left for the garbage collector to warn about in a
        # later test (pytest turns that ResourceWarning into that test's error).
        self._writers: set[asyncio.StreamWriter] = set()
        self._resume = asyncio.Event()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fault-proxy", daemon=True)
        self._server: asyncio.base_events.Server | None = None

    # --- control (called from the test's thread) -----------------------------------------------

    def start(self) -> FaultProxy:
        self._thread.start()
        self._call(self._start())
        return self

    def stop(self) -> None:
        self._call(self._stop())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    def cut(self) -> None:
        """Every connection is closed at once; new ones are closed as soon as they are accepted."""
        self._call(self._set_mode("cut"))

    def stall(self) -> None:
        """Connections stay open but nothing is forwarded (a black-holed network)."""
        self._call(self._set_mode("stall"))

    def restore(self) -> None:
        self._lose_after = None
        self._call(self._set_mode("open"))

    def lose_answer_after(self, marker: bytes) -> None:
        """The next client message containing `marker` reaches the server; its answer never returns."""
        self._lose_after = marker

    def url_for(self, url: str) -> str:
        from sqlalchemy import make_url

        return make_url(url).set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    # --- the loop ------------------------------------------------------------------------------

    def _call(self, coroutine: object) -> object:
        future: Future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)  # type: ignore[arg-type]
        return future.result(10)

    async def _start(self) -> None:
        self._resume.set()
        self._server = await asyncio.start_server(self._accepted, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _stop(self) -> None:
        if self._server is not None:
            self._server.close()
        await self._close_all()
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)
        for writer in self._writers:
            writer.transport.abort()
        self._writers.clear()
        await asyncio.sleep(0)  # the aborts close their sockets on the next turn of the loop

    async def _set_mode(self, mode: str) -> None:
        self.mode = mode
        if mode == "cut":
            await self._close_all()
        if mode == "stall":
            self._resume.clear()
        else:
            self._resume.set()

    async def _close_all(self) -> None:
        for client, server in list(self._pairs):
            for writer in (client, server):
                writer.transport.abort()
        self._pairs.clear()

    def _accepted(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> object:
        """Called as the connection is accepted, before its handler's task exists."""
        self._writers.add(client_writer)
        return self._handle(client_reader, client_writer)

    async def _handle(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        self.connections_seen += 1
        if self.mode == "cut":
            client_writer.transport.abort()
            return
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.upstream)
            self._writers.add(server_writer)
        except OSError:
            client_writer.transport.abort()
            return
        pair = (client_writer, server_writer)
        self._pairs.add(pair)
        lost = asyncio.Event()

        async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, upstream: bool) -> None:
            with contextlib.suppress(OSError, asyncio.CancelledError):
                while True:
                    data = await reader.read(65536)
                    if not data:
                        break
                    await self._resume.wait()
                    if self.mode == "cut":
                        break
                    if upstream and self._lose_after is not None and self._lose_after in data:
                        self._lose_after = None
                        lost.set()
                        writer.write(data)
                        await writer.drain()
                        continue
                    if not upstream and lost.is_set():
                        # The server answered (the commit is done); the client never hears of it.
                        self.answers_lost += 1
                        break
                    writer.write(data)
                    await writer.drain()
            for w in pair:
                w.transport.abort()
            self._pairs.discard(pair)

        await asyncio.gather(pipe(client_reader, server_writer, True), pipe(server_reader, client_writer, False))
