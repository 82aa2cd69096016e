// The workspace pages' one stylesheet and one script, served from /static/ (the CSP allows no
// inline script or style on these pages). The script talks to the JSON API only, puts text on the
// page with textContent, and swaps in server-rendered parts of the page after a change, so the
// server stays the only renderer.

export const APP_CSS = `
:root{--fg:#1d232a;--muted:#5b6570;--line:#d9dee3;--bg:#fff;--soft:#f4f6f8;--accent:#1f5fa8;--danger:#a1261b;--ok:#1d6b34;--warn:#7a4b00}
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
h1{font-size:1.35rem;margin:.1rem 0}
h2{font-size:1rem;margin:1rem 0 .5rem}
code{font-size:.9em}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.top{padding:.7rem 1rem;border-bottom:1px solid var(--line);background:var(--soft)}
.sub{margin:.1rem 0;color:var(--muted);font-size:.9rem}
main.stories{max-width:960px;margin:0 auto;padding:1rem}
form.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0 1rem}
form.inline input{flex:1 1 16rem}
input,textarea,button{font:inherit}
input[type=file]{width:100%;font-size:.85rem}
input,textarea{padding:.35rem .5rem;border:1px solid var(--line);border-radius:.3rem;max-width:100%}
textarea{width:100%;resize:vertical}
button{padding:.3rem .8rem;border:1px solid var(--accent);border-radius:.3rem;background:var(--accent);color:#fff;cursor:pointer}
button:disabled{opacity:.6;cursor:wait}
button.danger{background:var(--bg);color:var(--danger);border-color:var(--danger)}
button.link{border:none;background:none;padding:0;color:var(--danger);text-decoration:underline;font-size:.85rem}
table.list{border-collapse:collapse;width:100%}
table.list th,table.list td{border-bottom:1px solid var(--line);padding:.45rem .4rem;text-align:left;vertical-align:top}
td.num{text-align:right}
td.actions{white-space:nowrap}
td.actions details{display:inline-block;margin-right:.4rem}
details.rename summary{cursor:pointer;color:var(--accent);display:inline}
details.rename form{display:flex;gap:.3rem;margin-top:.3rem}
.pill{font-size:.8rem;padding:.05rem .5rem;border-radius:.7rem;background:var(--soft);color:var(--muted)}
.pill.current{background:#e1f3e4;color:var(--ok)}.pill.failed{background:#fbe3e1;color:var(--danger)}.pill.analysing,.pill.queued{background:#fff1d6;color:var(--warn)}
.message{padding:.4rem .6rem;border-radius:.3rem;background:#fbe3e1;color:var(--danger)}
.message.ok{background:#e1f3e4;color:var(--ok)}
.empty{color:var(--muted)}
.story-top{display:grid;gap:.25rem}
.crumbs{font-size:.85rem}
.title-row{display:flex;flex-wrap:wrap;gap:.8rem;align-items:baseline}
#status-row{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center}
.status{font-size:.9rem}
.status.failed{color:var(--danger)}.status.analysing,.status.queued{color:var(--warn)}.status.current{color:var(--ok)}
progress{width:10rem}
progress[hidden]{display:none}
.exports{font-size:.85rem;display:flex;flex-wrap:wrap;gap:.2rem .6rem}
.workspace{display:grid;grid-template-columns:minmax(17rem,22rem) minmax(0,1fr);min-height:calc(100vh - 9rem)}
.side{border-right:1px solid var(--line);padding:0 1rem 2rem;overflow:auto;max-height:calc(100vh - 9rem)}
.stack{display:grid;gap:.35rem;margin:.3rem 0 .6rem}
.fields{display:grid;gap:.3rem}
.fields label{display:grid;font-size:.85rem;color:var(--muted)}
.side details{margin:.4rem 0}
.side summary{cursor:pointer;color:var(--accent)}
ol.articles{padding-left:1.2rem;margin:0}
ol.articles li.article{margin:.45rem 0;overflow-wrap:anywhere}
li.article .meta,li.article .source{display:block;font-size:.8rem;color:var(--muted)}
li.article.state-failed .name{color:var(--danger)}
li.article.state-pending .name{color:var(--warn)}
ul.problems{margin:.2rem 0;padding-left:1rem;font-size:.8rem;color:var(--warn)}
.brief-pane{min-width:0}
#brief{display:block;width:100%;height:calc(100vh - 9rem);border:0}
@media (max-width:800px){
 .workspace{grid-template-columns:1fr}
 .side{border-right:none;border-bottom:1px solid var(--line);max-height:none}
 #brief{height:100vh}
}
`;

export const APP_JS = `(function(){
'use strict';
var body=document.body;
var page=body.getAttribute('data-page');
function $(id){return document.getElementById(id);}
function say(text,ok){var m=$('message');if(!m)return;m.textContent=text||'';m.hidden=!text;m.className='message'+(ok?' ok':'');}
function api(method,path,data){
  var init={method:method,headers:{'Accept':'application/json'},credentials:'same-origin'};
  if(data!==undefined){init.headers['Content-Type']='application/json';init.body=JSON.stringify(data);}
  return fetch(path,init).then(function(r){
    if(r.status===204)return null;
    return r.json().catch(function(){return {error:'the server answered '+r.status};}).then(function(j){
      if(!r.ok)throw new Error((j&&j.error)||('the server answered '+r.status));return j;});
  });
}
function submitting(form,run){
  form.addEventListener('submit',function(ev){
    ev.preventDefault();
    var button=form.querySelector('button[type=submit]');if(button)button.disabled=true;
    say('');
    Promise.resolve().then(function(){return run(form);}).catch(function(err){say(err.message);}).then(function(){if(button)button.disabled=false;});
  });
}
function value(form,name){var el=form.elements.namedItem(name);return el&&el.value?el.value.trim():'';}

if(page==='stories'){
  var create=$('new-story');
  if(create)submitting(create,function(form){
    return api('POST','/api/stories',{name:value(form,'name')}).then(function(story){location.href='/stories/'+story.id;});
  });
  Array.prototype.forEach.call(document.querySelectorAll('form.rename-form'),function(form){
    submitting(form,function(){return api('PATCH','/api/stories/'+form.getAttribute('data-story'),{name:value(form,'name')}).then(function(){location.reload();});});
  });
  document.addEventListener('click',function(ev){
    var el=ev.target;if(!el.classList||!el.classList.contains('delete-story'))return;
    if(!confirm('Delete the story "'+el.getAttribute('data-name')+'" and all its articles?'))return;
    api('DELETE','/api/stories/'+el.getAttribute('data-story')).then(function(){location.reload();},function(err){say(err.message);});
  });
}

if(page==='story'){
  var story=body.getAttribute('data-story');
  var base='/api/stories/'+story;
  var maxBytes=+body.getAttribute('data-max-bytes')||10000000;
  var frame=$('brief');

  // After any change: take the server's rendering of the status and the article list, and load
  // the brief again when its revision moved.
  var refreshing=null;
  function refresh(){
    if(refreshing)return refreshing;
    refreshing=fetch(location.pathname,{credentials:'same-origin',headers:{'Accept':'text/html'}}).then(function(r){
      if(!r.ok)throw new Error('the server answered '+r.status);return r.text();
    }).then(function(html){
      var doc=new DOMParser().parseFromString(html,'text/html');
      ['articles-panel','status-row'].forEach(function(id){var fresh=doc.getElementById(id),old=$(id);if(fresh&&old)old.replaceWith(document.importNode(fresh,true));});
      var fresh=doc.getElementById('brief');
      if(fresh&&frame.getAttribute('src')!==fresh.getAttribute('src'))frame.setAttribute('src',fresh.getAttribute('src'));
      body.setAttribute('data-brief-revision',doc.body.getAttribute('data-brief-revision'));
      body.setAttribute('data-revision',doc.body.getAttribute('data-revision'));
    }).catch(function(err){say('Could not refresh the page: '+err.message);}).then(function(){refreshing=null;});
    return refreshing;
  }
  function added(){say('Added. Parley is reading it; the brief updates by itself.',true);return refresh();}

  submitting($('add-url'),function(form){
    return api('POST',base+'/articles',{kind:'url',url:value(form,'url')}).then(function(){form.reset();return added();});
  });
  submitting($('add-text'),function(form){
    var data={kind:'text',text:form.elements.namedItem('text').value};
    ['title','outlet','published'].forEach(function(k){var v=value(form,k);if(v)data[k]=v;});
    return api('POST',base+'/articles',data).then(function(){form.reset();return added();});
  });
  function toBase64(buffer){
    var bytes=new Uint8Array(buffer),s='';
    for(var i=0;i<bytes.length;i+=32768)s+=String.fromCharCode.apply(null,bytes.subarray(i,i+32768));
    return btoa(s);
  }
  submitting($('add-file'),function(form){
    var files=Array.prototype.slice.call(form.elements.namedItem('files').files);
    var failed=[];
    return files.reduce(function(p,file){
      return p.then(function(){
        if(file.size>maxBytes){failed.push(file.name+': larger than the server takes ('+maxBytes+' bytes)');return;}
        return file.arrayBuffer().then(function(buf){return api('POST',base+'/articles',{kind:'file',name:file.name,contentBase64:toBase64(buf)});})
          .catch(function(err){failed.push(file.name+': '+err.message);});
      });
    },Promise.resolve()).then(function(){
      form.reset();
      if(failed.length)throw new Error(failed.join('; '));
      return added();
    });
  });
  submitting($('rename-story'),function(form){
    return api('PATCH',base,{name:value(form,'name')}).then(function(s){$('story-name').textContent=s.name;document.title=s.name+' \\u2014 Parley';form.closest('details').open=false;});
  });
  document.addEventListener('click',function(ev){
    var el=ev.target;if(!el.classList)return;
    if(el.classList.contains('remove-article')){
      if(!confirm('Remove "'+el.getAttribute('data-name')+'" from this story?'))return;
      el.disabled=true;
      api('DELETE',base+'/articles/'+el.getAttribute('data-article')).then(refresh,function(err){el.disabled=false;say(err.message);});
    } else if(el.id==='retry'){
      el.disabled=true;
      api('POST',base+'/analyse',{}).then(refresh,function(err){el.disabled=false;say(err.message);});
    }
  });

  // Live state: progress while the brief is being made, and a refresh when it is done.
  function show(state){
    var status=$('status'),bar=$('progress');
    if(status){status.textContent=state.message;status.className='status '+state.status;}
    if(bar){
      var p=state.progress;bar.hidden=!(state.status==='analysing'||state.status==='queued');
      if(p&&p.total>0){bar.max=p.total;bar.value=p.done;}else{bar.removeAttribute('value');}
    }
  }
  if(window.EventSource){
    var events=new EventSource(base+'/events');
    events.addEventListener('state',function(ev){
      var state=JSON.parse(ev.data);show(state);
      if(String(state.briefRevision)!==body.getAttribute('data-brief-revision')||String(state.revision)!==body.getAttribute('data-revision'))refresh();
    });
    events.addEventListener('progress',function(ev){show(JSON.parse(ev.data));});
  }
}
})();
`;
