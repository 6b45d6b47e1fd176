// Keel realtime client (served at /keel/realtime.js). No dependencies.
//
//   const socket = KeelRealtime.connect("/socket");
//   const room = socket.channel("room:lobby", { name: "Ann" });
//   room.on("message", (payload, from) => console.log(payload));
//   room.onPresence((members) => console.log(members.map((m) => m.meta.name)));
//   await room.join();
//   await room.publish("message", { text: "hi" });
//
// The socket reconnects with backoff and rejoins its channels; presence is rebuilt from the
// server's presence_state on every join.
(function (global) {
  "use strict";

  function connect(path, options) {
    options = options || {};
    const url =
      path.indexOf("ws") === 0
        ? path
        : (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
    const channels = new Map();
    const pending = new Map();
    let ws = null;
    let ref = 0;
    let backoff = 250;
    let closed = false;
    const openListeners = [];

    function send(message) {
      message.ref = String(++ref);
      return new Promise((resolve, reject) => {
        pending.set(message.ref, { resolve, reject });
        if (ws && ws.readyState === 1) ws.send(JSON.stringify(message));
        else openListeners.push(() => ws.send(JSON.stringify(message)));
      });
    }

    function open() {
      ws = new WebSocket(url);
      ws.onopen = () => {
        backoff = 250;
        openListeners.splice(0).forEach((f) => f());
        channels.forEach((ch) => {
          if (ch.joined) ch.join();
        });
      };
      ws.onmessage = (e) => {
        const m = JSON.parse(e.data);
        if (m.type === "reply") {
          const p = pending.get(m.ref);
          pending.delete(m.ref);
          if (p) m.ok ? p.resolve(m) : p.reject(new Error(m.error));
          return;
        }
        const ch = channels.get(m.topic);
        if (ch) ch._receive(m);
      };
      ws.onclose = () => {
        pending.forEach((p) => p.reject(new Error("connection closed")));
        pending.clear();
        if (!closed) {
          setTimeout(open, backoff);
          backoff = Math.min(backoff * 2, 10000);
        }
      };
    }

    function channel(topic, meta) {
      const handlers = new Map();
      const presenceHandlers = [];
      const members = new Map();
      const ch = {
        topic,
        joined: false,
        join() {
          ch.joined = true;
          return send({ type: "join", topic, meta: meta || {} });
        },
        leave() {
          ch.joined = false;
          members.clear();
          return send({ type: "leave", topic });
        },
        publish(event, payload) {
          return send({ type: "publish", topic, event, payload });
        },
        on(event, handler) {
          handlers.set(event, handler);
          return ch;
        },
        onPresence(handler) {
          presenceHandlers.push(handler);
          return ch;
        },
        members() {
          return Array.from(members.values());
        },
        _receive(m) {
          if (m.type === "message") {
            const h = handlers.get(m.event);
            if (h) h(m.payload, m.from);
            return;
          }
          if (m.type === "presence_state") {
            members.clear();
            m.members.forEach((x) => members.set(x.id, x));
          } else if (m.type === "presence_join") {
            members.set(m.member.id, m.member);
          } else if (m.type === "presence_leave") {
            members.delete(m.member.id);
          } else {
            return;
          }
          const list = ch.members();
          presenceHandlers.forEach((h) => h(list, m));
        },
      };
      channels.set(topic, ch);
      return ch;
    }

    open();
    return {
      channel,
      close() {
        closed = true;
        ws.close(1000, "bye");
      },
    };
  }

  global.KeelRealtime = { connect };
})(typeof window !== "undefined" ? window : globalThis);
