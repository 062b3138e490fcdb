console.log('acpt ops-cli');
